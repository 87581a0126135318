import {readFile} from 'node:fs/promises';
import type {DemoUserRecord} from './demo-user-record.js';
import {normaliseSalesforceId} from './salesforce-id.js';

/*
 * The users file holds User records as the REST API returns them, so the `records` of a real query can be
 * saved and served again: a JSON array (or an object with a `records` array) of objects with
 * `Id`, `FirstName`, `LastName`, `Email`, `Username`, `IsActive`, `UserType`, `Title`, `Department`, and the
 * profile as the nested relationship `"Profile": {"Name": "Standard User"}` (optionally `"UserRole": {"Name": …}`,
 * `Alias`, `FederationIdentifier`, `CreatedDate`, `SystemModstamp`, `LastLoginDate`). `attributes` and `Name`
 * are accepted and ignored.
 *
 * Required: `Id` (a 15- or 18-character User id, key prefix 005), `LastName`, `Email`, `Username`; ids and
 * usernames must be unique. `IsActive` defaults to true and `UserType` to `Standard`.
 */

/** A users file that cannot be served, with the file, the record and the field at fault in its message. */
export class UsersFileError extends Error {
	override name = 'UsersFileError';
}

const knownFields = new Set([
	'attributes',
	'Id',
	'FirstName',
	'LastName',
	'Name',
	'Email',
	'Username',
	'Alias',
	'IsActive',
	'UserType',
	'Title',
	'Department',
	'Profile',
	'UserRole',
	'FederationIdentifier',
	'CreatedDate',
	'SystemModstamp',
	'LastLoginDate',
]);

export async function loadUsersFile(path: string): Promise<DemoUserRecord[]> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error: unknown) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${(error as Error).message})`;
		throw new UsersFileError(`Users file ${path} ${reason}.`);
	}

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error: unknown) {
		throw new UsersFileError(`Users file ${path} is not valid JSON: ${(error as Error).message}.`);
	}

	return parseUserRecords(data, `Users file ${path}`);
}

/** Validates parsed file content; `source` starts every message (e.g. `Users file ./users.json`). */
export function parseUserRecords(data: unknown, source: string): DemoUserRecord[] {
	const records = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.records) ? data.records : undefined;
	if (records === undefined) {
		throw new UsersFileError(`${source} must hold a JSON array of User records (or an object with a "records" array).`);
	}

	if (records.length === 0) {
		throw new UsersFileError(`${source} holds no users; the demo org needs at least one to connect as.`);
	}

	const ids = new Map<string, number>();
	const usernames = new Map<string, number>();
	return records.map((entry: unknown, index) => {
		const user = parseUser(entry, (text) => new UsersFileError(`${source}, record ${index} (counting from 0): ${text}`));
		const fail = (text: string) => new UsersFileError(`${source}, record ${index} (counting from 0): ${text}`);
		const sameId = ids.get(user.id);
		if (sameId !== undefined) {
			throw fail(`"Id" ${user.id} is also the id of record ${sameId}; ids must be unique.`);
		}

		const sameUsername = usernames.get(user.username.toLowerCase());
		if (sameUsername !== undefined) {
			throw fail(`"Username" ${user.username} is also the username of record ${sameUsername}; usernames must be unique.`);
		}

		ids.set(user.id, index);
		usernames.set(user.username.toLowerCase(), index);
		return user;
	});
}

function parseUser(entry: unknown, fail: (text: string) => UsersFileError): DemoUserRecord {
	if (!isObject(entry)) {
		throw fail(`expected an object with User fields, got ${describe(entry)}.`);
	}

	for (const key of Object.keys(entry)) {
		if (!knownFields.has(key)) {
			throw fail(`unknown field "${key}". The fields read are ${[...knownFields].filter((name) => name !== 'attributes').join(', ')} (names as the API spells them).`);
		}
	}

	const text = (key: string, required: boolean): string | null => {
		const value = entry[key];
		if (value === undefined || value === null) {
			if (required) {
				throw fail(`"${key}" is required.`);
			}

			return null;
		}

		if (typeof value !== 'string') {
			throw fail(`"${key}" must be a string, got ${describe(value)}.`);
		}

		if (required && value.trim() === '') {
			throw fail(`"${key}" must not be empty.`);
		}

		return value;
	};

	const related = (key: string): string | null => {
		const value = entry[key];
		if (value === undefined || value === null) {
			return null;
		}

		if (!isObject(value) || typeof value.Name !== 'string') {
			throw fail(`"${key}" must be an object with a string "Name", like {"Name": "Standard User"}, got ${describe(value)}.`);
		}

		return value.Name;
	};

	const date = (key: string): string | null => {
		const value = text(key, false);
		if (value !== null && Number.isNaN(Date.parse(value))) {
			throw fail(`"${key}" must be a date-time such as 2024-05-01T12:00:00.000+0000, got "${value}".`);
		}

		return value;
	};

	const rawId = text('Id', true)!;
	const id = normaliseSalesforceId(rawId);
	if (id === null || !id.startsWith('005')) {
		const first15 = rawId.length === 18 ? normaliseSalesforceId(rawId.slice(0, 15)) : null;
		const hint = first15 ? ` (the last 3 characters of an 18-character id are a checksum: this one would be ${first15})` : '';
		throw fail(`"Id" must be a 15- or 18-character User id starting with 005, got "${rawId}"${hint}.`);
	}

	const isActive = entry.IsActive ?? true;
	if (typeof isActive !== 'boolean') {
		throw fail(`"IsActive" must be true or false, got ${describe(isActive)}.`);
	}

	const alias = text('Alias', false);
	const createdDate = date('CreatedDate');
	const lastLoginDate = date('LastLoginDate');
	const federationIdentifier = text('FederationIdentifier', false);
	const systemModstamp = date('SystemModstamp');
	return {
		id,
		firstName: text('FirstName', false),
		lastName: text('LastName', true)!,
		email: text('Email', true),
		username: text('Username', true)!,
		isActive,
		userType: text('UserType', false) ?? 'Standard',
		title: text('Title', false),
		department: text('Department', false),
		profileName: related('Profile'),
		roleName: related('UserRole'),
		...(alias === null ? {} : {alias}),
		...(createdDate === null ? {} : {createdDate}),
		...(federationIdentifier === null ? {} : {federationIdentifier}),
		...(systemModstamp === null ? {} : {systemModstamp}),
		lastLoginDate,
	};
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	return typeof value === 'string' ? `the string "${value}"` : typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
