import type {DemoUserRecord} from './demo-user-record.js';
import {buildPermissionSets, profileRights, type PermissionSetAssignmentRecord, type PermissionSetRecord, type ProfileRecord} from './permission-sets.js';
import {idMinter} from './salesforce-id.js';

export type FieldType = 'id' | 'reference' | 'string' | 'boolean' | 'datetime';
export type FieldValue = string | boolean | null;

export type FieldDefinition = {
	/** The API name, in the case Salesforce returns it. */
	name: string;
	type: FieldType;
	read: (record: object) => FieldValue;
};

export type RelationshipDefinition = {
	name: string;
	target: SObjectTable;
	read: (record: object) => object | null;
};

/** One queryable object: its fields, its lookups, and its records. */
export type SObjectTable = {
	name: string;
	fields: readonly FieldDefinition[];
	relationships: readonly RelationshipDefinition[];
	records: readonly object[];
	idOf: (record: object) => string;
};

export type DemoDatabase = {
	/** By lower-case object name: SOQL object names are case-insensitive. */
	tables: ReadonlyMap<string, SObjectTable>;
	find: (name: string) => SObjectTable | undefined;
};

export type DemoOrganizationRecord = {
	id: string;
	name: string;
	createdDate: string;
	/** A sandbox answers IsSandbox = true; production orgs (the default) false. */
	isSandbox?: boolean;
};

type NamedRecord = {id: string; name: string};

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

/** Salesforce writes date-times as `2024-05-01T12:34:56.000+0000`. */
export function salesforceDateTime(iso: string | null | undefined): string | null {
	if (!iso) {
		return null;
	}

	const time = Date.parse(iso);
	return Number.isNaN(time) ? null : new Date(time).toISOString().replace('Z', '+0000');
}

/**
 * The objects the demo org answers queries on: User, Profile, UserRole, Organization, and the PermissionSet
 * and PermissionSetAssignment rows that say who may manage users.
 */
export function buildDemoDatabase(organization: DemoOrganizationRecord, users: readonly DemoUserRecord[]): DemoDatabase {
	const pod = organization.id.slice(3, 5);
	const profiles: ProfileRecord[] = namedRecords([...standardProfiles, ...users.map((user) => user.profileName)], idMinter('00e', pod, 91_000)).map(
		(profile) => ({...profile, ...profileRights(profile.name)}),
	);
	const roles = namedRecords(
		users.map((user) => user.roleName),
		idMinter('00E', pod, 37_000),
	);
	const profileByName = new Map(profiles.map((profile) => [profile.name, profile]));
	const roleByName = new Map(roles.map((role) => [role.name, role]));

	const profileTable = table<ProfileRecord>('Profile', profiles, (profile) => profile.id, [
		field('Id', 'id', (profile) => profile.id),
		field('Name', 'string', (profile) => profile.name),
		field('PermissionsManageUsers', 'boolean', (profile) => profile.manageUsers),
		field('PermissionsViewAllUsers', 'boolean', (profile) => profile.viewAllUsers),
	], []);
	const roleTable = namedTable('UserRole', roles);
	const profileOf = (user: DemoUserRecord) => (user.profileName ? profileByName.get(user.profileName) ?? null : null);
	const roleOf = (user: DemoUserRecord) => (user.roleName ? roleByName.get(user.roleName) ?? null : null);
	const created = (user: DemoUserRecord) => salesforceDateTime(user.createdDate ?? organization.createdDate);
	// Salesforce keeps SystemModstamp to the second; an incremental sync's `>` depends on that.
	const modified = (user: DemoUserRecord) => wholeSeconds(salesforceDateTime(user.systemModstamp ?? user.createdDate ?? organization.createdDate));
	// A sandbox copied from production appends .invalid to every email, so that no mail reaches real people.
	const email = organization.isSandbox === true ? (user: DemoUserRecord) => (user.email ? `${user.email}.invalid` : user.email) : (user: DemoUserRecord) => user.email;

	const userTable = table<DemoUserRecord>('User', users, (user) => user.id, [
		field('Id', 'id', (user) => user.id),
		field('Username', 'string', (user) => user.username),
		field('LastName', 'string', (user) => user.lastName),
		field('FirstName', 'string', (user) => user.firstName),
		field('Name', 'string', (user) => [user.firstName, user.lastName].filter(Boolean).join(' ')),
		field('CompanyName', 'string', () => organization.name),
		field('Department', 'string', (user) => user.department),
		field('Title', 'string', (user) => user.title),
		field('Email', 'string', email),
		field('Alias', 'string', (user) => user.alias ?? defaultAlias(user)),
		field('IsActive', 'boolean', (user) => user.isActive),
		field('UserType', 'string', (user) => user.userType),
		field('ProfileId', 'reference', (user) => profileOf(user)?.id ?? null),
		field('UserRoleId', 'reference', (user) => roleOf(user)?.id ?? null),
		field('TimeZoneSidKey', 'string', () => 'America/Los_Angeles'),
		field('LocaleSidKey', 'string', () => 'en_US'),
		field('LanguageLocaleKey', 'string', () => 'en_US'),
		field('EmailEncodingKey', 'string', () => 'UTF-8'),
		field('CreatedDate', 'datetime', created),
		field('LastModifiedDate', 'datetime', modified),
		field('SystemModstamp', 'datetime', modified),
		field('FederationIdentifier', 'string', (user) => user.federationIdentifier ?? null),
		field('LastLoginDate', 'datetime', (user) => salesforceDateTime(user.lastLoginDate)),
	], [
		relationship('Profile', profileTable, profileOf),
		relationship('UserRole', roleTable, roleOf),
	]);

	const organizationTable = table<DemoOrganizationRecord>('Organization', [organization], (org) => org.id, [
		field('Id', 'id', (org) => org.id),
		field('Name', 'string', (org) => org.name),
		field('IsSandbox', 'boolean', (org) => org.isSandbox === true),
		field('OrganizationType', 'string', () => 'Enterprise Edition'),
		field('InstanceName', 'string', () => 'DEMO1'),
		field('Country', 'string', () => 'US'),
		field('LanguageLocaleKey', 'string', () => 'en_US'),
		field('DefaultLocaleSidKey', 'string', () => 'en_US'),
		field('TimeZoneSidKey', 'string', () => 'America/Los_Angeles'),
		field('NamespacePrefix', 'string', () => null),
		field('TrialExpirationDate', 'datetime', () => null),
		field('CreatedDate', 'datetime', (org) => salesforceDateTime(org.createdDate)),
	], []);

	const {permissionSets, assignments} = buildPermissionSets(profiles, users, idMinter('0PS', pod, 52_000));
	const permissionSetTable = table<PermissionSetRecord>('PermissionSet', permissionSets, (set) => set.id, [
		field('Id', 'id', (set) => set.id),
		field('Name', 'string', (set) => set.name),
		field('Label', 'string', (set) => set.label),
		field('IsOwnedByProfile', 'boolean', (set) => set.isOwnedByProfile),
		field('ProfileId', 'reference', (set) => set.profile?.id ?? null),
		field('PermissionsManageUsers', 'boolean', (set) => set.manageUsers),
		field('PermissionsViewAllUsers', 'boolean', (set) => set.viewAllUsers),
	], [
		relationship<PermissionSetRecord>('Profile', profileTable, (set) => set.profile),
	]);
	const mintAssignmentId = idMinter('0Pa', pod, 610_000);
	const assignmentTable = table<PermissionSetAssignmentRecord>('PermissionSetAssignment', assignments, (row) => mintAssignmentId(row.index), [
		field('Id', 'id', (row) => mintAssignmentId(row.index)),
		field('AssigneeId', 'reference', (row) => row.assignee.id),
		field('PermissionSetId', 'reference', (row) => row.permissionSet.id),
		field('SystemModstamp', 'datetime', (row) => created(row.assignee)),
	], [
		relationship<PermissionSetAssignmentRecord>('PermissionSet', permissionSetTable, (row) => row.permissionSet),
		relationship<PermissionSetAssignmentRecord>('Assignee', userTable, (row) => row.assignee),
	]);

	const tables = new Map<string, SObjectTable>(
		[userTable, profileTable, roleTable, organizationTable, permissionSetTable, assignmentTable].map((entry) => [entry.name.toLowerCase(), entry]),
	);
	return {tables, find: (name) => tables.get(name.toLowerCase())};
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

function namedTable(name: string, records: readonly NamedRecord[]): SObjectTable {
	return table<NamedRecord>(name, records, (record) => record.id, [
		field('Id', 'id', (record) => record.id),
		field('Name', 'string', (record) => record.name),
	], []);
}

type TypedField<R> = {name: string; type: FieldType; read: (record: R) => FieldValue};

function field<R>(name: string, type: FieldType, read: (record: R) => FieldValue): TypedField<R> {
	return {name, type, read};
}

function relationship<R>(name: string, target: SObjectTable, read: (record: R) => object | null): RelationshipDefinition {
	// The engine reads rows without knowing their type; each table only ever hands its own records to its readers.
	return {name, target, read: read as (record: object) => object | null};
}

function table<R extends object>(
	name: string,
	records: readonly R[],
	idOf: (record: R) => string,
	fields: Array<TypedField<R>>,
	relationships: RelationshipDefinition[],
): SObjectTable {
	return {
		name,
		records,
		idOf: idOf as (record: object) => string,
		fields: fields.map((definition) => ({...definition, read: definition.read as (record: object) => FieldValue})),
		relationships,
	};
}
