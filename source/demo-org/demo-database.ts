import type {DemoUserRecord} from './demo-user-record.js';
import {buildPermissionSets, profileRights, type PermissionSetAssignmentRecord, type PermissionSetRecord, type ProfileRecord} from './permission-sets.js';
import {idMinter, toEighteenCharacterId} from './salesforce-id.js';
import {field, relationship, table, type SObjectTable} from './sobject-table.js';
import {
	communityNicknameOf,
	employeeNumberOf,
	idHash,
	isPortalUser,
	localeOf,
	mobilePhoneOf,
	officeOf,
	phoneOf,
	photoKeyOf,
} from './user-details.js';

export type {FieldDefinition, FieldType, FieldValue, RelationshipDefinition, SObjectTable} from './sobject-table.js';

export type DemoDatabase = {
	/** By lower-case object name: SOQL object names are case-insensitive. */
	tables: ReadonlyMap<string, SObjectTable>;
	find: (name: string) => SObjectTable | undefined;
	/** What date literals are measured from; the clock unless a test fixes it. */
	now?: () => number;
};

export type DemoOrganizationRecord = {
	id: string;
	name: string;
	createdDate: string;
	/** A sandbox answers IsSandbox = true; production orgs (the default) false. */
	isSandbox?: boolean;
};

export type DemoDatabaseOptions = {
	/** The org's URL, known once it listens: photo URLs are under it. */
	instanceUrl?: () => string;
	/** The users by id, when the caller has them already (a million-entry map is not built twice). */
	userById?: (id: string) => DemoUserRecord | undefined;
	now?: () => number;
	/** Extra objects (sales activity) built over the users. */
	extraTables?: (users: SObjectTable) => SObjectTable[];
};

type NamedRecord = {id: string; name: string};
type RoleRecord = NamedRecord & {developerName: string; parent: RoleRecord | null};
type LicenseRecord = NamedRecord & {key: string; total: number; used: number};
type DemoProfileRecord = ProfileRecord & {license: LicenseRecord | null; userType: string};

/** The profiles every org has, listed even when no demo user holds them. */
const standardProfiles = [
	'System Administrator',
	'Standard User',
	'Read Only',
	'Marketing User',
	'Contract Manager',
	'Solution Manager',
	'Standard Platform User',
	'Chatter Free User',
	'Minimum Access - Salesforce',
	'Custom: Sales Profile',
	'Custom: Marketing Profile',
	'Custom: Support Profile',
];

/** The user licence behind each profile a demo org has, with its LicenseDefinitionKey and the seats bought. */
const licenses: ReadonlyArray<{name: string; key: string; total: number; userType: string; profiles: readonly string[]}> = [
	{name: 'Salesforce Platform', key: 'SFDC_PLATFORM', total: 100, userType: 'Standard', profiles: ['Standard Platform User']},
	{name: 'Chatter Free', key: 'PID_Chatter', total: 5000, userType: 'CsnOnly', profiles: ['Chatter Free User']},
	{name: 'Partner Community', key: 'PID_Partner_Community', total: 1000, userType: 'PowerPartner', profiles: ['Partner Community User']},
	{name: 'Customer Community', key: 'PID_Customer_Community', total: 10_000, userType: 'CspLitePortal', profiles: ['Customer Community User']},
	{name: 'Customer Community Plus', key: 'PID_Customer_Community_Plus', total: 1000, userType: 'PowerCustomerSuccess', profiles: ['Customer Community Plus User']},
	{name: 'Customer Portal Manager Standard', key: 'PID_Customer_Portal_Manager_Standard', total: 1000, userType: 'CustomerSuccess', profiles: ['Customer Portal User']},
	{name: 'High Volume Customer Portal', key: 'PID_High_Volume_Portal', total: 1000, userType: 'CspLitePortal', profiles: ['High Volume Customer Portal User']},
	{name: 'Analytics Cloud Integration User', key: 'PID_INSIGHTS_INTEGRATION_USER', total: 1, userType: 'Standard', profiles: ['Analytics Cloud Integration User']},
	{name: 'Analytics Cloud Security User', key: 'PID_INSIGHTS_SECURITY_USER', total: 1, userType: 'Standard', profiles: ['Analytics Cloud Security User']},
	{name: 'Guest User License', key: 'PID_Guest_User', total: 25, userType: 'Guest', profiles: ['Customer Community Profile']},
	// Every other profile (System Administrator, Standard User, the custom ones) is on the full licence.
	{name: 'Salesforce', key: 'SFDC', total: 0, userType: 'Standard', profiles: []},
];

/** Salesforce writes date-times as `2024-05-01T12:34:56.000+0000`. */
export function salesforceDateTime(iso: string | null | undefined): string | null {
	if (!iso) {
		return null;
	}

	const time = Date.parse(iso);
	return Number.isNaN(time) ? null : new Date(time).toISOString().replace('Z', '+0000');
}

/**
 * The objects the demo org answers queries on: User, Profile, UserRole, UserLicense, Organization, and the
 * PermissionSet and PermissionSetAssignment rows that say who may manage users.
 */
export function buildDemoDatabase(organization: DemoOrganizationRecord, users: readonly DemoUserRecord[], options: DemoDatabaseOptions = {}): DemoDatabase {
	const pod = organization.id.slice(3, 5);
	const instanceUrl = options.instanceUrl ?? (() => '');
	const licenseRecords: LicenseRecord[] = licenses.map((license, index) => ({
		id: idMinter('100', pod, 7100 + index)(0),
		name: license.name,
		key: license.key,
		total: license.total,
		used: 0,
	}));
	const licenseOfProfile = (name: string) => {
		const index = licenses.findIndex((license) => license.profiles.includes(name));
		return index === -1 ? licenses.length - 1 : index;
	};

	const profiles: DemoProfileRecord[] = namedRecords([...standardProfiles, ...users.map((user) => user.profileName)], idMinter('00e', pod, 91_000)).map(
		(profile) => {
			const index = licenseOfProfile(profile.name);
			return {...profile, ...profileRights(profile.name), license: licenseRecords[index]!, userType: licenses[index]!.userType};
		},
	);
	const roles = roleRecords(
		users.map((user) => user.roleName),
		idMinter('00E', pod, 37_000),
	);
	const profileByName = new Map(profiles.map((profile) => [profile.name, profile]));
	const roleByName = new Map(roles.map((role) => [role.name, role]));
	const profileOf = (user: DemoUserRecord) => (user.profileName ? profileByName.get(user.profileName) ?? null : null);
	const roleOf = (user: DemoUserRecord) => (user.roleName ? roleByName.get(user.roleName) ?? null : null);
	for (const user of users) {
		const license = profileOf(user)?.license;
		if (license && user.isActive) {
			license.used++;
		}
	}

	for (const license of licenseRecords) {
		// The full licence is bought for whoever has it, with a few seats to spare.
		license.total = Math.max(license.total, license.used + Math.ceil(license.used / 10));
	}

	const licenseTable = table<LicenseRecord>({
		name: 'UserLicense',
		label: 'User License',
		keyPrefix: '100',
		records: licenseRecords,
		idOf: (license) => license.id,
		fields: [
			field('Id', 'id', (license) => license.id, {label: 'User License ID'}),
			field('Name', 'string', (license) => license.name, {label: 'Name', nillable: false}),
			field('MasterLabel', 'string', (license) => license.name, {label: 'Master Label', nillable: false}),
			field('LicenseDefinitionKey', 'string', (license) => license.key, {nillable: false}),
			field('Status', 'string', () => 'Active', {describeType: 'picklist', picklistValues: ['Active', 'Disabled'], nillable: false}),
			field('TotalLicenses', 'number', (license) => license.total, {describeType: 'int', nillable: false}),
			field('UsedLicenses', 'number', (license) => license.used, {describeType: 'int', nillable: false}),
		],
	});

	const profileTable = table<DemoProfileRecord>({
		name: 'Profile',
		keyPrefix: '00e',
		records: profiles,
		idOf: (profile) => profile.id,
		fields: [
			field('Id', 'id', (profile) => profile.id, {label: 'Profile ID'}),
			field('Name', 'string', (profile) => profile.name, {nillable: false, length: 255}),
			field('UserLicenseId', 'reference', (profile) => profile.license?.id ?? null, {label: 'User License ID', nillable: false}),
			field('UserType', 'string', (profile) => profile.userType, {describeType: 'picklist', picklistValues: userTypes}),
			field('PermissionsManageUsers', 'boolean', (profile) => profile.manageUsers, {label: 'Manage Users'}),
			field('PermissionsViewAllUsers', 'boolean', (profile) => profile.viewAllUsers, {label: 'View All Users'}),
		],
		relationships: [relationship<DemoProfileRecord>('UserLicense', 'UserLicenseId', licenseTable, (profile) => profile.license)],
	});
	const roleTable = table<RoleRecord>({
		name: 'UserRole',
		label: 'Role',
		keyPrefix: '00E',
		records: roles,
		idOf: (role) => role.id,
		fields: [
			field('Id', 'id', (role) => role.id, {label: 'Role ID'}),
			field('Name', 'string', (role) => role.name, {nillable: false}),
			field('DeveloperName', 'string', (role) => role.developerName, {nillable: false}),
			field('ParentRoleId', 'reference', (role) => role.parent?.id ?? null, {label: 'Parent Role ID'}),
		],
	});
	roleTable.relationships.push(relationship<RoleRecord>('ParentRole', 'ParentRoleId', roleTable, (role) => role.parent));

	const created = (user: DemoUserRecord) => salesforceDateTime(user.createdDate ?? organization.createdDate);
	// Salesforce keeps SystemModstamp to the second; an incremental sync's `>` depends on that.
	const modified = (user: DemoUserRecord) => wholeSeconds(salesforceDateTime(user.systemModstamp ?? user.createdDate ?? organization.createdDate));
	// A sandbox copied from production appends .invalid to every email, so that no mail reaches real people.
	const email = organization.isSandbox === true ? (user: DemoUserRecord) => (user.email ? `${user.email}.invalid` : user.email) : (user: DemoUserRecord) => user.email;
	let userById = options.userById;
	const managerOf = (user: DemoUserRecord) => {
		if (!user.managerId) {
			return null;
		}

		userById ??= lookup(users);
		return userById(user.managerId) ?? null;
	};
	// Whoever set the org up created and changes its users, as in an org where one administrator does.
	const creator = users.find((user) => user.profileName === 'System Administrator' && user.isActive) ?? users[0];
	const creatorId = creator?.id ?? null;
	const office = (user: DemoUserRecord) => officeOf(user);
	const photo = (user: DemoUserRecord, size: 'T' | 'F') => `${instanceUrl()}/profilephoto/${photoKeyOf(user)}/${size}`;

	const userTable = table<DemoUserRecord>({
		name: 'User',
		keyPrefix: '005',
		records: users,
		idOf: (user) => user.id,
		fields: [
			field('Id', 'id', (user) => user.id, {label: 'User ID'}),
			field('Username', 'string', (user) => user.username, {nillable: false}),
			field('LastName', 'string', (user) => user.lastName, {nillable: false}),
			field('FirstName', 'string', (user) => user.firstName, {length: 40}),
			field('Name', 'string', (user) => [user.firstName, user.lastName].filter(Boolean).join(' '), {label: 'Full Name', nillable: false, length: 121}),
			field('CompanyName', 'string', (user) => (isPortalUser(user) ? null : organization.name)),
			field('Division', 'string', (user) => office(user)?.division ?? null),
			field('Department', 'string', (user) => user.department),
			field('Title', 'string', (user) => user.title),
			field('Street', 'string', (user) => office(user)?.street ?? null, {describeType: 'textarea'}),
			field('City', 'string', (user) => office(user)?.city ?? null, {length: 40}),
			field('State', 'string', (user) => office(user)?.state ?? null, {label: 'State/Province'}),
			field('PostalCode', 'string', (user) => office(user)?.postalCode ?? null, {label: 'Zip/Postal Code', length: 20}),
			field('Country', 'string', (user) => office(user)?.country ?? null),
			field('Email', 'string', email, {describeType: 'email', nillable: false}),
			field('Phone', 'string', phoneOf, {describeType: 'phone'}),
			field('MobilePhone', 'string', mobilePhoneOf, {label: 'Mobile', describeType: 'phone'}),
			field('Alias', 'string', (user) => user.alias ?? defaultAlias(user), {nillable: false, length: 8}),
			field('CommunityNickname', 'string', communityNicknameOf, {label: 'Nickname', nillable: false, length: 40}),
			field('IsActive', 'boolean', (user) => user.isActive, {label: 'Active'}),
			field('UserType', 'string', (user) => user.userType, {describeType: 'picklist', picklistValues: userTypes}),
			field('ProfileId', 'reference', (user) => profileOf(user)?.id ?? null, {label: 'Profile ID'}),
			field('UserRoleId', 'reference', (user) => roleOf(user)?.id ?? null, {label: 'Role ID'}),
			field('ManagerId', 'reference', (user) => managerOf(user)?.id ?? null, {label: 'Manager ID'}),
			field('EmployeeNumber', 'string', employeeNumberOf, {length: 20}),
			field('ContactId', 'reference', (user) => user.contactId ?? (isPortalUser(user) ? portalContactId(user.id) : null), {label: 'Contact ID'}),
			field('AccountId', 'reference', (user) => user.accountId ?? (isPortalUser(user) ? portalAccountId(pod, user) : null), {label: 'Account ID'}),
			field('IsPortalEnabled', 'boolean', (user) => isPortalUser(user), {label: 'Is Portal Enabled'}),
			field('SmallPhotoUrl', 'string', (user) => photo(user, 'T'), {label: 'Photo', describeType: 'url'}),
			field('FullPhotoUrl', 'string', (user) => photo(user, 'F'), {label: 'Url for full-sized Photo', describeType: 'url'}),
			field('TimeZoneSidKey', 'string', (user) => localeOf(user).timeZone, {label: 'Time Zone', describeType: 'picklist', nillable: false}),
			field('LocaleSidKey', 'string', (user) => localeOf(user).locale, {label: 'Locale', describeType: 'picklist', nillable: false}),
			field('LanguageLocaleKey', 'string', (user) => localeOf(user).language, {label: 'Language', describeType: 'picklist', nillable: false}),
			field('EmailEncodingKey', 'string', () => 'UTF-8', {label: 'Email Encoding', describeType: 'picklist', nillable: false}),
			field('FederationIdentifier', 'string', (user) => user.federationIdentifier ?? null, {label: 'SAML Federation ID', length: 512}),
			field('CreatedDate', 'datetime', created, {label: 'Created Date', nillable: false}),
			field('CreatedById', 'reference', () => creatorId, {label: 'Created By ID', nillable: false}),
			field('LastModifiedDate', 'datetime', modified, {label: 'Last Modified Date', nillable: false}),
			field('LastModifiedById', 'reference', () => creatorId, {label: 'Last Modified By ID', nillable: false}),
			field('SystemModstamp', 'datetime', modified, {label: 'System Modstamp', nillable: false}),
			field('LastLoginDate', 'datetime', (user) => salesforceDateTime(user.lastLoginDate), {label: 'Last Login'}),
		],
		relationships: [
			relationship<DemoUserRecord>('Profile', 'ProfileId', profileTable, profileOf),
			relationship<DemoUserRecord>('UserRole', 'UserRoleId', roleTable, roleOf),
		],
	});
	const byCreator = () => (creator ?? null) as object | null;
	userTable.relationships.push(
		relationship<DemoUserRecord>('Manager', 'ManagerId', userTable, managerOf),
		relationship<DemoUserRecord>('CreatedBy', 'CreatedById', userTable, byCreator),
		relationship<DemoUserRecord>('LastModifiedBy', 'LastModifiedById', userTable, byCreator),
	);

	const organizationTable = table<DemoOrganizationRecord>({
		name: 'Organization',
		keyPrefix: '00D',
		records: [organization],
		idOf: (org) => org.id,
		fields: [
			field('Id', 'id', (org) => org.id, {label: 'Organization ID'}),
			field('Name', 'string', (org) => org.name, {nillable: false}),
			field('IsSandbox', 'boolean', (org) => org.isSandbox === true),
			field('OrganizationType', 'string', () => 'Enterprise Edition', {label: 'Edition', describeType: 'picklist'}),
			field('InstanceName', 'string', () => 'DEMO1', {length: 5}),
			field('Country', 'string', () => 'US'),
			field('LanguageLocaleKey', 'string', () => 'en_US', {label: 'Language', describeType: 'picklist', nillable: false}),
			field('DefaultLocaleSidKey', 'string', () => 'en_US', {label: 'Locale', describeType: 'picklist', nillable: false}),
			field('TimeZoneSidKey', 'string', () => 'America/Los_Angeles', {label: 'Time Zone', describeType: 'picklist', nillable: false}),
			field('NamespacePrefix', 'string', () => null, {length: 15}),
			field('TrialExpirationDate', 'datetime', () => null),
			field('CreatedDate', 'datetime', (org) => salesforceDateTime(org.createdDate), {nillable: false}),
		],
	});

	const {permissionSets, assignments} = buildPermissionSets(profiles, users, idMinter('0PS', pod, 52_000));
	const permissionSetTable = table<PermissionSetRecord>({
		name: 'PermissionSet',
		label: 'Permission Set',
		keyPrefix: '0PS',
		records: permissionSets,
		idOf: (set) => set.id,
		fields: [
			field('Id', 'id', (set) => set.id, {label: 'Permission Set ID'}),
			field('Name', 'string', (set) => set.name, {nillable: false}),
			field('Label', 'string', (set) => set.label, {nillable: false}),
			field('IsOwnedByProfile', 'boolean', (set) => set.isOwnedByProfile),
			field('ProfileId', 'reference', (set) => set.profile?.id ?? null, {label: 'Profile ID'}),
			field('PermissionsManageUsers', 'boolean', (set) => set.manageUsers, {label: 'Manage Users'}),
			field('PermissionsViewAllUsers', 'boolean', (set) => set.viewAllUsers, {label: 'View All Users'}),
		],
		relationships: [relationship<PermissionSetRecord>('Profile', 'ProfileId', profileTable, (set) => set.profile)],
	});
	const mintAssignmentId = idMinter('0Pa', pod, 610_000);
	const assignmentTable = table<PermissionSetAssignmentRecord>({
		name: 'PermissionSetAssignment',
		label: 'Permission Set Assignment',
		keyPrefix: '0Pa',
		records: assignments,
		idOf: (row) => mintAssignmentId(row.index),
		fields: [
			field('Id', 'id', (row) => mintAssignmentId(row.index), {label: 'Permission Set Assignment ID'}),
			field('AssigneeId', 'reference', (row) => row.assignee.id, {label: 'Assignee ID', nillable: false}),
			field('PermissionSetId', 'reference', (row) => row.permissionSet.id, {label: 'Permission Set ID', nillable: false}),
			field('SystemModstamp', 'datetime', (row) => created(row.assignee), {nillable: false}),
		],
		relationships: [
			relationship<PermissionSetAssignmentRecord>('PermissionSet', 'PermissionSetId', permissionSetTable, (row) => row.permissionSet),
			relationship<PermissionSetAssignmentRecord>('Assignee', 'AssigneeId', userTable, (row) => row.assignee),
		],
	});

	const extra = options.extraTables?.(userTable) ?? [];
	const tables = new Map<string, SObjectTable>(
		[userTable, profileTable, roleTable, licenseTable, organizationTable, permissionSetTable, assignmentTable, ...extra].map((entry) => [entry.name.toLowerCase(), entry]),
	);
	return {tables, find: (name) => tables.get(name.toLowerCase()), now: options.now};
}

/** The UserType picklist, as the Object Reference lists it. */
const userTypes = [
	'Standard',
	'PowerPartner',
	'PowerCustomerSuccess',
	'CustomerSuccess',
	'Guest',
	'CspLitePortal',
	'CsnOnly',
	'SelfService',
	'AutomatedProcess',
];

/** A portal user is created from a contact: the contact's id shares the user's counter. */
function portalContactId(userId: string): string {
	return toEighteenCharacterId(`003${userId.slice(3, 15)}`);
}

/** Portal users of one company (one email domain) belong to that company's account. */
function portalAccountId(pod: string, user: DemoUserRecord): string {
	const domain = (user.email ?? user.username).split('@')[1]?.toLowerCase() ?? '';
	return idMinter('001', pod, 100_000 + (idHash(domain, 11) % 50_000_000))(0);
}

function lookup(users: readonly DemoUserRecord[]): (id: string) => DemoUserRecord | undefined {
	const byId = new Map(users.map((user) => [user.id, user]));
	return (id) => byId.get(id);
}

function wholeSeconds(dateTime: string | null): string | null {
	return dateTime === null ? null : dateTime.replace(/\.\d{3}\+0000$/, '.000+0000');
}

/** Salesforce's default alias: the first letter of the first name and the first four of the last. */
export function defaultAlias(user: Pick<DemoUserRecord, 'firstName' | 'lastName'>): string {
	const letters = (value: string | null) => {
		const text = value ?? '';
		const ascii = /^[a-zA-Z]*$/.test(text) ? text : text.normalize('NFD').replaceAll(/[^a-zA-Z]/g, '');
		return ascii.toLowerCase();
	};
	return (letters(user.firstName).slice(0, 1) + letters(user.lastName).slice(0, 4)).slice(0, 8) || 'user';
}

function namedRecords(names: ReadonlyArray<string | null | undefined>, mint: (index: number) => string): NamedRecord[] {
	const seen = new Set<string>();
	const records: NamedRecord[] = [];
	for (const name of names) {
		if (name && !seen.has(name)) {
			seen.add(name);
			records.push({id: mint(records.length), name});
		}
	}

	return records;
}

/** Roles under the CEO's, named as Setup names them: `Director, Direct Sales` → `DirectorDirectSales`. */
function roleRecords(names: ReadonlyArray<string | null | undefined>, mint: (index: number) => string): RoleRecord[] {
	const roles: RoleRecord[] = namedRecords(names, mint).map((role) => ({...role, developerName: role.name.replaceAll(/[^a-zA-Z\d]+/g, ''), parent: null}));
	const top = roles.find((role) => role.name === 'CEO');
	for (const role of roles) {
		role.parent = role === top ? null : top ?? null;
	}

	return roles;
}
