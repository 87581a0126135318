import {faker} from '@faker-js/faker/locale/en';
import type {DemoUserRecord} from './demo-user-record.js';
import {generateCommunityUsers} from './community-users.js';
import {defaultAlias} from './demo-database.js';
import {profileRights} from './permission-sets.js';
import {idMinter} from './salesforce-id.js';
import {idHash} from './user-details.js';
import {departments, internationalFirstNames, internationalLastNames, partnerTitles, type Department} from './user-catalog.js';

export type GeneratedOrg = {
	orgName: string;
	/** Lower case, e.g. `kuhn.example.com`. */
	emailDomain: string;
	organizationCreated: string;
	/** The first user is the connected one: an active System Administrator. */
	users: DemoUserRecord[];
};

type Draft = Omit<DemoUserRecord, 'id' | 'createdDate' | 'lastLoginDate' | 'federationIdentifier' | 'systemModstamp'>;

// Dates are measured from a fixed "today" so that the same seed gives the same users on any day.
const generatedAt = Date.UTC(2025, 5, 2, 9, 0, 0);
const dayMs = 24 * 60 * 60 * 1000;
/** Below this many users the org holds only the administrator and ordinary people. */
export const minimumUsersForSpecials = 20;

const inactiveShare = 0.08;
const sharedEmailShare = 0.01;
const internationalNameShare = 0.04;

/**
 * A whole demo org from a seed: the same seed and count give the same org, user for user. Ids are handed
 * out in creation order, like a real org's, so the connected administrator and the org's system users
 * (Automated Process, Integration User, …) have the lowest ids.
 */
export function generateDemoOrg(options: {count: number; seed: number; orgId: string; communityShare?: number}): GeneratedOrg {
	const communityCount = Math.round(options.count * (options.communityShare ?? 0));
	const staffCount = Math.max(1, options.count - communityCount);
	faker.seed(options.seed);
	const random = () => faker.number.float();
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

	const orgName = faker.company.name();
	const domainWord = asciiLetters(orgName.split(/[\s,]/)[0] ?? '') || 'acme';
	const emailDomain = `${domainWord.toLowerCase()}.example.com`;
	const brandedDomain = `${domainWord[0]!.toUpperCase()}${domainWord.slice(1).toLowerCase()}.example.com`;
	const orgCreated = Date.UTC(2014, 0, 1) + Math.floor(random() * 6 * 365) * dayMs;
	const org = options.orgId.toLowerCase();

	const usernames = new Set<string>();
	const emails = new Set<string>();
	const namesakes = new Map<string, number>();
	const uniqueUsername = (wanted: string) => {
		let candidate = wanted.toLowerCase();
		if (usernames.has(candidate)) {
			const [local, domain] = splitAddress(candidate);
			for (let number = 2; usernames.has(candidate); number++) {
				candidate = `${local}${number}@${domain}`;
			}
		}

		usernames.add(candidate);
		return candidate;
	};

	/** A new address for a person; a namesake gets a number, as mail administrators do. */
	const personalEmail = (first: string | null, last: string, style: number, domain = emailDomain, branded = brandedDomain) => {
		const firstPart = asciiLetters(first ?? '');
		const lastPart = asciiLetters(last);
		const dotted = firstPart === '' ? lastPart : `${firstPart}.${lastPart}`;
		let local: string;
		let host: string;
		if (style < 0.5) {
			local = dotted;
			host = branded;
		} else if (style < 0.88) {
			local = dotted.toLowerCase();
			host = domain;
		} else if (style < 0.97) {
			local = (firstPart.slice(0, 1) + lastPart).toLowerCase();
			host = domain;
		} else {
			local = dotted.toUpperCase();
			host = domain.toUpperCase();
		}

		let email = `${local}@${host}`;
		let key = email.toLowerCase();
		if (emails.has(key)) {
			// Common names recur hundreds of times in a large org: continue numbering where the last namesake stopped.
			let number = namesakes.get(key) ?? 2;
			for (; emails.has(`${local}${number}@${host}`.toLowerCase()); number++);
			namesakes.set(key, number + 1);
			email = `${local}${number}@${host}`;
			key = email.toLowerCase();
		}

		emails.add(key);
		return email;
	};

	const claim = (draft: Draft): Draft => {
		if (draft.email) {
			emails.add(draft.email.toLowerCase());
		}

		draft.username = uniqueUsername(draft.username);
		return draft;
	};

	const adminFirst = faker.person.firstName();
	const adminLast = faker.person.lastName();
	const adminEmail = personalEmail(adminFirst, adminLast, 0);
	const admin = claim({
		firstName: adminFirst,
		lastName: adminLast,
		email: adminEmail,
		username: adminEmail,
		isActive: true,
		userType: 'Standard',
		title: 'Salesforce Administrator',
		department: 'IT',
		profileName: 'System Administrator',
		roleName: null,
	});

	const withSpecials = staffCount >= minimumUsersForSpecials;
	const systemUsers = withSpecials ? systemUserDrafts(org, domainWord.toLowerCase(), adminEmail).map(claim) : [];
	const oddPeople = withSpecials ? oddPeopleDrafts(brandedDomain, emailDomain).map(claim) : [];

	const regularCount = Math.max(0, staffCount - 1 - systemUsers.length - oddPeople.length);
	const regular: Draft[] = [];
	for (let index = 0; index < regularCount; index++) {
		if (regular.length > 10 && random() < sharedEmailShare) {
			regular.push(claim(sameEmailAccount(pick(regular), random)));
			continue;
		}

		regular.push(claim(regularPerson(random, pick, personalEmail)));
	}

	// Every org of two or more users has someone to connect as who may not manage users; in the rare
	// small org where chance made none, the first person becomes one (larger orgs always have one).
	const unprivileged = (draft: Draft) => draft.isActive && draft.userType === 'Standard' && draft.profileName !== null && !profileRights(draft.profileName).manageUsers;
	if (regular.length > 0 && !regular.some(unprivileged) && !oddPeople.some(unprivileged)) {
		regular[0] = {...regular[0]!, isActive: true, userType: 'Standard', profileName: 'Standard User'};
	}

	// Spread the odd people through the org rather than bunching them next to each other.
	const everyone = [admin, ...systemUsers, ...regular];
	oddPeople.forEach((draft, index) => {
		const at = 1 + systemUsers.length + Math.floor(((index + 1) * regular.length) / (oddPeople.length + 1));
		everyone.splice(at + index, 0, draft);
	});

	const mintUserId = idMinter('005', options.orgId.slice(3, 5), 1_500_000 + (Math.abs(Math.trunc(options.seed)) % 1_000_000) * 1000);
	const span = generatedAt - orgCreated;
	const users = everyone.map((draft, index): DemoUserRecord => {
		const created = orgCreated + Math.floor((span * index) / Math.max(1, everyone.length)) + Math.floor(random() * dayMs);
		// Written out rather than spread: 100,000 records of one shape are quicker to build and to query.
		return {
			id: mintUserId(index),
			firstName: draft.firstName,
			lastName: draft.lastName,
			email: draft.email,
			username: draft.username,
			isActive: draft.isActive,
			userType: draft.userType,
			title: draft.title,
			department: draft.department,
			profileName: draft.profileName,
			alias: draft.alias ?? defaultAlias(draft),
			roleName: draft.roleName ?? null,
			// Single sign-on ids for licensed people, as an identity provider's employee numbers; derived from the
			// position, not drawn, so that the users of every seed stay what they were before this field existed.
			federationIdentifier: draft.userType === 'Standard' && draft.email !== null && index % 10 !== 9 ? `E${String(100_000 + index)}` : null,
			createdDate: new Date(created).toISOString(),
			lastLoginDate: lastLogin(draft, created, index === 0, random),
			// Set once everyone exists (assignManagers); declared here so every record has one shape.
			managerId: null,
		};
	});

	assignManagers(users);
	if (communityCount > 0) {
		// Experience Cloud sites came after the org's own people: their users are created later, with later ids.
		const sitesOpened = orgCreated + Math.floor(span * 0.3);
		const community = generateCommunityUsers({
			count: options.count - users.length,
			idOf: (n) => mintUserId(users.length + n),
			firstCreated: sitesOpened,
			generatedAt,
			seed: options.seed,
		});
		for (const user of community) {
			users.push(user);
		}
	}

	return {orgName, emailDomain, organizationCreated: new Date(orgCreated).toISOString(), users};
}

const managerTitle = /Manager|Director|Lead|Controller|Chief|VP of/;
const noManagerShare = 0.06;

/**
 * Managers form a tree within the org: the chief executive has none; each department's first manager by
 * title reports to the chief executive, the department's other managers to that head, and everyone else to
 * one of the department's managers. A few people have no manager recorded, as in real orgs; system users,
 * guests and portal users have none. Drawn from each id rather than from faker, so that adding this field
 * changed no other generated value.
 */
function assignManagers(users: DemoUserRecord[]): void {
	const people = users.filter((user) => user.userType === 'Standard' && user.firstName !== null);
	const chief = people.find((user) => user.title === 'Chief Executive Officer') ?? people.find((user) => user.department === 'Executive') ?? people[0];
	if (!chief) {
		return;
	}

	const heads = new Map<string, DemoUserRecord>();
	const managers = new Map<string, DemoUserRecord[]>();
	for (const user of people) {
		if (user !== chief && user.title !== null && managerTitle.test(user.title)) {
			const department = user.department ?? '';
			if (!heads.has(department)) {
				heads.set(department, user);
			}

			const list = managers.get(department) ?? [];
			list.push(user);
			managers.set(department, list);
		}
	}

	for (const user of people) {
		if (user === chief) {
			user.managerId = null;
			continue;
		}

		if (idHash(user.id, 21) / 4_294_967_296 < noManagerShare) {
			user.managerId = null;
			continue;
		}

		const department = user.department ?? '';
		const head = heads.get(department);
		if (user === head || head === undefined || user.department === 'Executive') {
			user.managerId = chief.id;
			continue;
		}

		const candidates = managers.get(department)!;
		user.managerId = managerTitle.test(user.title ?? '') ? head.id : candidates[idHash(user.id, 22) % candidates.length]!.id;
	}
}

function regularPerson(
	random: () => number,
	pick: <T>(items: readonly T[]) => T,
	personalEmail: (first: string | null, last: string, style: number, domain?: string, branded?: string) => string,
): Draft {
	const international = random() < internationalNameShare;
	const firstName = international ? pick(internationalFirstNames) : faker.person.firstName();
	const lastName = international ? pick(internationalLastNames) : faker.person.lastName();
	const isActive = random() >= inactiveShare;
	const kind = random();

	if (kind < 0.955) {
		const department = weightedDepartment(random());
		const email = personalEmail(firstName, lastName, random());
		return {
			firstName,
			lastName,
			email,
			username: email,
			isActive,
			userType: 'Standard',
			title: random() < 0.04 ? null : pick(department.titles),
			department: random() < 0.04 ? null : department.name,
			profileName: weightedProfile(department, random()),
			roleName: department.roles.length === 0 || random() < 0.25 ? null : pick(department.roles),
		};
	}

	if (kind < 0.975) {
		// Chatter Free users: colleagues who only collaborate, without a Salesforce licence.
		const department = weightedDepartment(random());
		const email = personalEmail(firstName, lastName, random());
		return {
			firstName,
			lastName,
			email,
			username: email,
			isActive,
			userType: 'CsnOnly',
			title: pick(department.titles),
			department: department.name,
			profileName: 'Chatter Free User',
			roleName: null,
		};
	}

	if (kind < 0.99) {
		const partner = asciiLetters(faker.company.name().split(/[\s,]/)[0] ?? '').toLowerCase() || 'partner';
		const domain = `${partner}.example.net`;
		const email = personalEmail(firstName, lastName, 0.6, domain, domain);
		return {
			firstName,
			lastName,
			email,
			username: email,
			isActive,
			userType: 'PowerPartner',
			title: pick(partnerTitles),
			department: null,
			profileName: 'Partner Community User',
			roleName: null,
		};
	}

	const email = personalEmail(firstName, lastName, 0.6, 'example.org', 'example.org');
	return {
		firstName,
		lastName,
		email,
		username: email,
		isActive,
		userType: 'CspLitePortal',
		title: null,
		department: null,
		profileName: 'Customer Community User',
		roleName: null,
	};
}

/** A second account of someone already in the org (a rehire, a test login): same person, same address. */
function sameEmailAccount(original: Draft, random: () => number): Draft {
	const email = original.email ?? '';
	return {
		...original,
		email: random() < 0.5 ? email.toLowerCase() : email,
		username: email.replace('@', '.second@'),
		isActive: random() < 0.5,
	};
}

/** Users every org has besides its people; they are not licensed people and must not become SalesScreen people. */
function systemUserDrafts(org: string, domainWord: string, adminEmail: string): Draft[] {
	const system = (draft: Partial<Draft> & Pick<Draft, 'lastName' | 'username' | 'userType' | 'profileName'>): Draft => ({
		firstName: null,
		email: adminEmail,
		isActive: true,
		title: null,
		department: null,
		roleName: null,
		...draft,
	});
	return [
		system({lastName: 'Automated Process', email: `autoproc@${org}`, username: `autoproc@${org}`, userType: 'AutomatedProcess', profileName: null, alias: 'autoproc'}),
		system({lastName: 'Integration User', username: `integration@${org}.com`, userType: 'Standard', profileName: 'Analytics Cloud Integration User', alias: 'integ'}),
		system({lastName: 'Security User', username: `insightssecurity@${org}.com`, userType: 'Standard', profileName: 'Analytics Cloud Security User', alias: 'sec'}),
		system({firstName: 'Chatter', lastName: 'Expert', email: 'noreply@chatter.salesforce.com', username: `chatty.${org}@chatter.salesforce.com`, userType: 'CsnOnly', profileName: 'Chatter Free User', alias: 'Chatter'}),
		system({lastName: 'Customer Community Site Guest User', username: `customercommunity@${domainWord}.force.com`, userType: 'Guest', profileName: 'Customer Community Profile', alias: 'guest'}),
	];
}

/** People whose data a terminal must not take at face value, and two accounts sharing an address. */
function oddPeopleDrafts(brandedDomain: string, emailDomain: string): Draft[] {
	const person = (draft: Pick<Draft, 'firstName' | 'lastName' | 'email' | 'title' | 'department' | 'profileName'> & Partial<Draft>): Draft => ({
		username: draft.email ?? '',
		isActive: true,
		userType: 'Standard',
		roleName: null,
		...draft,
	});
	return [
		// An ANSI colour escape in a name would turn the rest of the screen red if printed raw.
		person({firstName: 'Zo\u001B[31me', lastName: 'Lindqvist', email: `Zoe.Lindqvist@${brandedDomain}`, title: 'Account Executive\u001B[0m', department: 'Sales', profileName: 'Custom: Sales Profile'}),
		person({firstName: 'Mark', lastName: 'Bell\u0007', email: `mark.bell@${emailDomain}`, title: 'Regional\nSales Director', department: 'Sales', profileName: 'Standard User'}),
		// A right-to-left override reverses everything printed after it on the line.
		person({firstName: 'Ahmed', lastName: 'Hassan\u202E', email: `Ahmed.Hassan@${brandedDomain}`, title: 'Support Engineer', department: 'Support', profileName: 'Custom: Support Profile'}),
		person({
			firstName: 'Maximiliana',
			lastName: 'Featherstonehaugh-Wolfeschlegelsteinhausen',
			email: `maximiliana.featherstonehaugh-wolfeschlegelsteinhausen@${emailDomain}`,
			title: 'Senior Enterprise Account Executive, Strategic Accounts EMEA',
			department: 'Sales',
			profileName: 'Custom: Sales Profile',
		}),
		person({firstName: 'Jordan', lastName: 'Lee', email: `Jordan.Lee@${brandedDomain}`, title: 'Sales Manager', department: 'Sales', profileName: 'Standard User'}),
		person({
			firstName: 'Jordan',
			lastName: 'Lee',
			email: `jordan.lee@${emailDomain}`,
			username: `jordan.lee.old@${emailDomain}`,
			isActive: false,
			title: 'Account Executive',
			department: 'Sales',
			profileName: 'Custom: Sales Profile',
		}),
	];
}

function lastLogin(draft: Draft, created: number, isAdmin: boolean, random: () => number): string | null {
	const roll = random();
	if (isAdmin) {
		return new Date(generatedAt - Math.floor(roll * dayMs)).toISOString();
	}

	if (draft.userType === 'AutomatedProcess' || draft.userType === 'Guest' || roll < (draft.isActive ? 0.05 : 0.3)) {
		return null;
	}

	const recent = draft.isActive && roll < 0.9;
	const since = recent ? Math.max(created, generatedAt - 90 * dayMs) : created;
	const until = recent ? generatedAt : Math.max(created, generatedAt - 120 * dayMs);
	return new Date(since + Math.floor(random() * Math.max(0, until - since))).toISOString();
}

const totalWeight = departments.reduce((sum, department) => sum + department.weight, 0);

function weightedDepartment(roll: number): Department {
	let rest = roll * totalWeight;
	for (const department of departments) {
		rest -= department.weight;
		if (rest < 0) {
			return department;
		}
	}

	return departments[0]!;
}

function weightedProfile(department: Department, roll: number): string {
	let rest = roll;
	for (const [profile, share] of department.profiles) {
		rest -= share;
		if (rest < 0) {
			return profile;
		}
	}

	return department.profiles[0]![0];
}

/** Letters and digits only, accents folded: `Ødegaard` → `Odegaard`, `O'Neill` → `ONeill`. */
function asciiLetters(value: string): string {
	if (/^[a-zA-Z\d-]*$/.test(value)) {
		return value;
	}

	return value
		.normalize('NFD')
		.replaceAll('ø', 'o')
		.replaceAll('Ø', 'O')
		.replaceAll('ł', 'l')
		.replaceAll('Ł', 'L')
		.replaceAll(/[^a-zA-Z\d-]/g, '');
}

function splitAddress(address: string): [string, string] {
	const at = address.lastIndexOf('@');
	return at === -1 ? [address, 'example.com'] : [address.slice(0, at), address.slice(at + 1)];
}
