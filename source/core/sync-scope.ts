import type {SalesforceUser} from './salesforce-user.js';

/**
 * Which Salesforce users automatic sync takes. A list names the values a user must have one of; an empty
 * list accepts any. The scope only narrows: a user in scope is still planned by the rules of Import users.
 */
export type SyncScope = {
	/** Profile.Name. */
	profiles: string[];
	/** UserRole.Name. */
	roles: string[];
	departments: string[];
	/** `Standard`, `CsnOnly`, … */
	userTypes: string[];
	/** Only users active in Salesforce. */
	activeOnly: boolean;
};

export const defaultSyncScope: SyncScope = {profiles: [], roles: [], departments: [], userTypes: ['Standard'], activeOnly: true};

const listKeys = ['profiles', 'roles', 'departments', 'userTypes'] as const;

/** The scope is not one: the message says which part and why. */
export class SyncScopeError extends Error {
	override name = 'SyncScopeError';
}

// Names typed by an admin and names from Salesforce differ in case and blanks more often than in meaning.
function matchesAny(value: string | null, wanted: readonly string[]): boolean {
	if (wanted.length === 0) {
		return true;
	}

	if (value === null) {
		return false;
	}

	const normalised = value.trim().toLowerCase();
	return wanted.some((name) => name.trim().toLowerCase() === normalised);
}

export function inSyncScope(user: SalesforceUser, scope: SyncScope): boolean {
	return (
		(!scope.activeOnly || user.isActive) &&
		matchesAny(user.userType, scope.userTypes) &&
		matchesAny(user.profileName, scope.profiles) &&
		matchesAny(user.roleName, scope.roles) &&
		matchesAny(user.department, scope.departments)
	);
}

/** How many of these users a sync with this scope would consider; the Settings tab shows it beside the scope. */
export function countInScope(users: Iterable<SalesforceUser>, scope: SyncScope): number {
	let count = 0;
	for (const user of users) {
		if (inSyncScope(user, scope)) {
			count++;
		}
	}

	return count;
}

/**
 * A scope from untrusted input (a settings file, a command line): keys left out take their defaults, unknown
 * keys and wrong types are refused with a SyncScopeError naming them.
 */
export function parseSyncScope(value: unknown): SyncScope {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new SyncScopeError('The sync scope must be an object such as {"profiles": ["Standard User"], "activeOnly": true}.');
	}

	const known = new Set<string>([...listKeys, 'activeOnly']);
	const unknown = Object.keys(value).find((key) => !known.has(key));
	if (unknown !== undefined) {
		throw new SyncScopeError(`The sync scope has no "${unknown}"; it takes ${[...known].join(', ')}.`);
	}

	const record = value as Record<string, unknown>;
	const scope: SyncScope = {...defaultSyncScope, userTypes: [...defaultSyncScope.userTypes]};
	for (const key of listKeys) {
		const list = record[key];
		if (list === undefined) {
			continue;
		}

		if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item.trim() === '')) {
			throw new SyncScopeError(`The sync scope's "${key}" must be a list of names, e.g. ["Sales"]; [] means any.`);
		}

		scope[key] = [...new Set((list as string[]).map((item) => item.trim()))];
	}

	if (record.activeOnly !== undefined) {
		if (typeof record.activeOnly !== 'boolean') {
			throw new SyncScopeError('The sync scope\'s "activeOnly" must be true or false.');
		}

		scope.activeOnly = record.activeOnly;
	}

	return scope;
}

/** One line for people: `profiles Sales, Support; user types Standard; active only`. */
export function describeSyncScope(scope: SyncScope): string {
	const parts = [
		scope.profiles.length > 0 ? `profiles ${scope.profiles.join(', ')}` : undefined,
		scope.roles.length > 0 ? `roles ${scope.roles.join(', ')}` : undefined,
		scope.departments.length > 0 ? `departments ${scope.departments.join(', ')}` : undefined,
		scope.userTypes.length > 0 ? `user types ${scope.userTypes.join(', ')}` : undefined,
		scope.activeOnly ? 'active only' : undefined,
	].filter((part) => part !== undefined);
	return parts.length === 0 ? 'every user' : parts.join('; ');
}
