import type {DemoUserRecord} from './demo-user-record.js';

/**
 * The User fields a directory does not need but a real org has (phones, office address, locale, employee
 * number…), derived from the user's id when read instead of stored: a million-user org would otherwise
 * carry a dozen more strings per user. The same id always gives the same values.
 */

export type Office = {
	street: string;
	city: string;
	state: string | null;
	postalCode: string;
	country: string;
	division: string;
	timeZone: string;
	locale: string;
	language: string;
	areaCode: string;
};

const offices: readonly Office[] = [
	{street: '415 Mission Street', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'United States', division: 'Americas', timeZone: 'America/Los_Angeles', locale: 'en_US', language: 'en_US', areaCode: '+1 415'},
	{street: '1095 Avenue of the Americas', city: 'New York', state: 'NY', postalCode: '10036', country: 'United States', division: 'Americas', timeZone: 'America/New_York', locale: 'en_US', language: 'en_US', areaCode: '+1 212'},
	{street: '500 W 2nd Street', city: 'Austin', state: 'TX', postalCode: '78701', country: 'United States', division: 'Americas', timeZone: 'America/Chicago', locale: 'en_US', language: 'en_US', areaCode: '+1 512'},
	{street: '110 Bishopsgate', city: 'London', state: null, postalCode: 'EC2N 4AY', country: 'United Kingdom', division: 'EMEA', timeZone: 'Europe/London', locale: 'en_GB', language: 'en_US', areaCode: '+44 20'},
	{street: '3 Avenue Octave Gréard', city: 'Paris', state: null, postalCode: '75007', country: 'France', division: 'EMEA', timeZone: 'Europe/Paris', locale: 'fr_FR', language: 'fr', areaCode: '+33 1'},
	{street: '1-1-3 Marunouchi', city: 'Tokyo', state: null, postalCode: '100-0005', country: 'Japan', division: 'APAC', timeZone: 'Asia/Tokyo', locale: 'ja_JP', language: 'ja', areaCode: '+81 3'},
	{street: '180 George Street', city: 'Sydney', state: 'NSW', postalCode: '2000', country: 'Australia', division: 'APAC', timeZone: 'Australia/Sydney', locale: 'en_AU', language: 'en_US', areaCode: '+61 2'},
];

/** Head office first: most people work there. */
const officeWeights = [40, 16, 10, 14, 7, 7, 6];
const officeWeightTotal = officeWeights.reduce((sum, weight) => sum + weight, 0);

/** FNV-1a of the id, mixed with a salt so that each detail draws independently. */
export function idHash(id: string, salt: number): number {
	let hash = (2_166_136_261 ^ salt) >>> 0;
	for (let index = 0; index < id.length; index++) {
		hash ^= id.charCodeAt(index);
		hash = Math.imul(hash, 16_777_619) >>> 0;
	}

	hash ^= hash >>> 15;
	hash = Math.imul(hash, 0x2c_1b_3c_6d) >>> 0;
	return (hash ^ (hash >>> 12)) >>> 0;
}

/** A number in [0, 1) from the id. */
function chance(id: string, salt: number): number {
	return idHash(id, salt) / 4_294_967_296;
}

/** People have an office; the org's system users, guests and portal users (whose address is their account's) have none. */
function isEmployee(user: DemoUserRecord): boolean {
	return user.userType === 'Standard' || user.userType === 'CsnOnly' ? user.firstName !== null : false;
}

export function officeOf(user: DemoUserRecord): Office | null {
	if (!isEmployee(user)) {
		return null;
	}

	let rest = chance(user.id, 1) * officeWeightTotal;
	for (const [index, weight] of officeWeights.entries()) {
		rest -= weight;
		if (rest < 0) {
			return offices[index]!;
		}
	}

	return offices[0]!;
}

function digits(id: string, salt: number, count: number): string {
	return String(idHash(id, salt) % 10 ** count).padStart(count, '0');
}

export function phoneOf(user: DemoUserRecord): string | null {
	const office = officeOf(user);
	return office && chance(user.id, 2) < 0.85 ? `${office.areaCode} 555 ${digits(user.id, 3, 4)}` : null;
}

export function mobilePhoneOf(user: DemoUserRecord): string | null {
	const office = officeOf(user);
	return office && chance(user.id, 4) < 0.6 ? `${office.areaCode.split(' ')[0]} 555 ${digits(user.id, 5, 3)} ${digits(user.id, 6, 4)}` : null;
}

export function employeeNumberOf(user: DemoUserRecord): string | null {
	return user.userType === 'Standard' && user.firstName !== null && chance(user.id, 7) < 0.9 ? `EMP-${digits(user.id, 8, 6)}` : null;
}

/** Time zone and locale: the office's, and the org's defaults for everyone else. */
export function localeOf(user: DemoUserRecord): Pick<Office, 'timeZone' | 'locale' | 'language'> {
	return officeOf(user) ?? offices[0]!;
}

export const portalUserTypes: ReadonlySet<string> = new Set(['PowerPartner', 'CspLitePortal', 'CustomerSuccess', 'PowerCustomerSuccess']);

export function isPortalUser(user: DemoUserRecord): boolean {
	return portalUserTypes.has(user.userType);
}

/** A short unique nickname, as Salesforce derives one from the username when none is given. */
export function communityNicknameOf(user: DemoUserRecord): string {
	const local = user.username.split('@')[0] ?? user.username;
	return `${local.slice(0, 30)}${user.id.slice(9, 15)}`;
}

/** Most people never upload a photo; Salesforce then serves its silhouette under /profilephoto/005/. */
export function photoKeyOf(user: DemoUserRecord): string {
	return isEmployee(user) && chance(user.id, 9) < 0.35 ? `729${user.id.slice(3, 15)}` : '005';
}
