import {faker} from '@faker-js/faker/locale/en';
import type {DemoUserRecord} from './demo-user-record.js';
import {defaultAlias} from './demo-database.js';

/**
 * Customer and partner users of an org with Experience Cloud sites, as many as a million, kept lazy: each
 * record holds only its id and its number, and every other field is derived from the number when read (a
 * field written by a test or an update is kept beside it). A million records of fifteen strings each would
 * cost the demo org gigabytes and take minutes to make; these take one small object each.
 *
 * UserType values are Salesforce's: CspLitePortal (Customer Community and High Volume Customer Portal),
 * PowerCustomerSuccess (Customer Community Plus), CustomerSuccess (Customer Portal), PowerPartner
 * (Partner Community). Users of one account share its email domain, so ContactId and AccountId (derived
 * by the demo database for portal users) group them by company.
 */
export type CommunityUsersOptions = {
	count: number;
	/** Gives the i-th community user its id. */
	idOf: (index: number) => string;
	/** When the first community user was created, and the org's "today": creation dates spread between. */
	firstCreated: number;
	generatedAt: number;
	seed: number;
};

const inactiveShare = 0.12;
const partnerAccountShare = 0.1;
const usersPerAccount = 40;

type CustomerKind = {userType: string; profileName: string; share: number};
const customerKinds: readonly CustomerKind[] = [
	{userType: 'CspLitePortal', profileName: 'Customer Community User', share: 0.56},
	{userType: 'CspLitePortal', profileName: 'High Volume Customer Portal User', share: 0.14},
	{userType: 'PowerCustomerSuccess', profileName: 'Customer Community Plus User', share: 0.2},
	{userType: 'CustomerSuccess', profileName: 'Customer Portal User', share: 0.1},
];
const partnerKind = {userType: 'PowerPartner', profileName: 'Partner Community User'};

/** A 32-bit hash of a number and a salt (murmur3's finaliser): the same inputs give the same draw on any run. */
function mix(value: number, salt: number): number {
	let hash = Math.imul(value ^ Math.imul(salt + 1, 0x9e_37_79_b1), 0x85_eb_ca_6b);
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85_eb_ca_6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2_b2_ae_35);
	hash ^= hash >>> 16;
	return hash >>> 0;
}

const unit = (value: number, salt: number) => mix(value, salt) / 4_294_967_296;

type Overrides = Partial<Record<keyof DemoUserRecord, unknown>>;

export function generateCommunityUsers(options: CommunityUsersOptions): DemoUserRecord[] {
	const {count, firstCreated, generatedAt} = options;
	// Name and company pools drawn once from the seed; a user's name is picked from them by its number.
	faker.seed(options.seed + 17);
	const firstNames = Array.from({length: 600}, () => faker.person.firstName());
	const lastNames = Array.from({length: 900}, () => faker.person.lastName());
	const companies = Array.from({length: 300}, () => (faker.company.name().split(/[\s,]/)[0] ?? 'company').toLowerCase().replaceAll(/[^a-z\d]/g, '') || 'company');
	const accounts = Math.max(1, Math.floor(count / usersPerAccount));

	const account = (n: number) => mix(n, 3) % accounts;
	const isPartnerAccount = (k: number) => unit(k, 5) < partnerAccountShare;
	const kind = (n: number) => {
		if (isPartnerAccount(account(n))) {
			return partnerKind;
		}

		let rest = unit(n, 7);
		for (const customer of customerKinds) {
			rest -= customer.share;
			if (rest < 0) {
				return customer;
			}
		}

		return customerKinds[0]!;
	};

	const domain = (n: number) => {
		const k = account(n);
		return `${companies[k % companies.length]}${k}.example.${isPartnerAccount(k) ? 'net' : 'org'}`;
	};

	const span = Math.max(1, generatedAt - firstCreated);
	const derived: {[K in keyof DemoUserRecord]?: (n: number) => DemoUserRecord[K]} = {
		firstName: (n) => firstNames[mix(n, 11) % firstNames.length]!,
		lastName: (n) => lastNames[mix(n, 13) % lastNames.length]!,
		email: (n) => `${firstNames[mix(n, 11) % firstNames.length]!}.${lastNames[mix(n, 13) % lastNames.length]!}.${n + 1}@${domain(n)}`.toLowerCase(),
		username: (n) => `${firstNames[mix(n, 11) % firstNames.length]!}.${lastNames[mix(n, 13) % lastNames.length]!}.${n + 1}@${domain(n)}`.toLowerCase(),
		isActive: (n) => unit(n, 17) >= inactiveShare,
		userType: (n) => kind(n).userType,
		profileName: (n) => kind(n).profileName,
		title: () => null,
		department: () => null,
		roleName: () => null,
		federationIdentifier: () => null,
		managerId: () => null,
		createdDate: (n) => new Date(firstCreated + Math.floor((span * n) / Math.max(1, count))).toISOString(),
		lastLoginDate: (n) => (unit(n, 19) < 0.4 ? null : new Date(generatedAt - Math.floor(unit(n, 23) * 180 * 86_400_000)).toISOString()),
	};

	class CommunityUser {
		declare o: Overrides | undefined;
		constructor(
			readonly id: string,
			readonly n: number,
		) {}
	}

	for (const [name, derive] of Object.entries(derived) as Array<[keyof DemoUserRecord, (n: number) => unknown]>) {
		Object.defineProperty(CommunityUser.prototype, name, {
			enumerable: true,
			get(this: CommunityUser) {
				const overrides = this.o;
				return overrides !== undefined && name in overrides ? overrides[name] : derive(this.n);
			},
			set(this: CommunityUser, value: unknown) {
				this.o ??= {};
				this.o[name] = value;
			},
		});
	}

	Object.defineProperty(CommunityUser.prototype, 'alias', {
		enumerable: true,
		get(this: CommunityUser & DemoUserRecord) {
			return this.o !== undefined && 'alias' in this.o ? this.o.alias : defaultAlias(this);
		},
		set(this: CommunityUser, value: unknown) {
			this.o ??= {};
			this.o.alias = value;
		},
	});

	const users: DemoUserRecord[] = new Array(count);
	for (let n = 0; n < count; n++) {
		users[n] = new CommunityUser(options.idOf(n), n) as unknown as DemoUserRecord;
	}

	return users;
}
