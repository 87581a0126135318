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
	/** SalesScreen's own rule: only users who own recent sales activity. Left out (the default) or null: no such rule. */
	activity?: ActivityScope | null;
};

/** The Salesforce objects whose owners count as having sales activity. */
export const salesObjects = ['Opportunity', 'Task', 'Event'] as const;
export type SalesObject = (typeof salesObjects)[number];

/**
 * Users who own records of these objects created or changed in the last `days` days (a record's
 * LastModifiedDate is set when it is created, so changed covers created).
 */
export type ActivityScope = {objects: SalesObject[]; days: number};

export const defaultActivityDays = 30;
/** Salesforce takes any LAST_N_DAYS:n; past ten years "recent" means nothing, so the scope stops there. */
export const maxActivityDays = 3650;
export const defaultActivityScope: ActivityScope = {objects: [...salesObjects], days: defaultActivityDays};

export const defaultSyncScope: SyncScope = {profiles: [], roles: [], departments: [], userTypes: ['Standard'], activeOnly: true};

/** The ids of the users who own recent activity, as the Salesforce adapter read them. */
export type ActivityOwners = ReadonlySet<string>;

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

/**
 * Whether sync takes this user. With the activity scope on, `owners` must be the owners of recent activity
 * read for it: without them no user is in scope, since nobody is known to have activity.
 */
export function inSyncScope(user: SalesforceUser, scope: SyncScope, owners?: ActivityOwners): boolean {
	return (
		(!scope.activity || owners?.has(user.id) === true) &&
		(!scope.activeOnly || user.isActive) &&
		matchesAny(user.userType, scope.userTypes) &&
		matchesAny(user.profileName, scope.profiles) &&
		matchesAny(user.roleName, scope.roles) &&
		matchesAny(user.department, scope.departments)
	);
}

/**
 * How many of these users a sync with this scope would consider; the Settings tab shows it beside the scope.
 * Null while the scope asks for activity and its owners are not read yet.
 */
export function countInScope(users: Iterable<SalesforceUser>, scope: SyncScope, owners?: ActivityOwners): number | null {
	if (scope.activity && owners === undefined) {
		return null;
	}

	let count = 0;
	for (const user of users) {
		if (inSyncScope(user, scope, owners)) {
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

	const known = new Set<string>([...listKeys, 'activeOnly', 'activity']);
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

	// Off is written by leaving the key out, as settings files from before the activity scope have it.
	const activity = record.activity === undefined ? null : parseActivityScope(record.activity);
	if (activity !== null) {
		scope.activity = activity;
	}

	return scope;
}

const activityExample = '{"objects": ["Opportunity", "Task", "Event"], "days": 30}';

/**
 * The activity part of a scope: `null` or `false` is off, `true` the defaults (every object, 30 days), an
 * object picks objects and days, each left out taking its default. Object names are matched without regard to case.
 */
export function parseActivityScope(value: unknown): ActivityScope | null {
	if (value === null || value === false) {
		return null;
	}

	if (value === true) {
		return {...defaultActivityScope, objects: [...defaultActivityScope.objects]};
	}

	if (typeof value !== 'object' || Array.isArray(value)) {
		throw new SyncScopeError(`The sync scope's "activity" must be true, false or an object such as ${activityExample}.`);
	}

	const record = value as Record<string, unknown>;
	const unknown = Object.keys(record).find((key) => key !== 'objects' && key !== 'days');
	if (unknown !== undefined) {
		throw new SyncScopeError(`The sync scope's "activity" has no "${unknown}"; it takes objects and days, e.g. ${activityExample}.`);
	}

	const activity: ActivityScope = {...defaultActivityScope, objects: [...defaultActivityScope.objects]};
	if (record.objects !== undefined) {
		activity.objects = parseSalesObjects(record.objects);
	}

	if (record.days !== undefined) {
		const days = record.days;
		if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > maxActivityDays) {
			throw new SyncScopeError(`The sync scope's activity "days" must be a whole number of days from 1 to ${maxActivityDays}, e.g. 30.`);
		}

		activity.days = days;
	}

	return activity;
}

function parseSalesObjects(value: unknown): SalesObject[] {
	const message = `The sync scope's activity "objects" must name one or more of ${salesObjects.join(', ')}, e.g. ["Opportunity", "Task"].`;
	if (!Array.isArray(value) || value.length === 0) {
		throw new SyncScopeError(message);
	}

	const picked = new Set<SalesObject>();
	for (const item of value) {
		const object = typeof item === 'string' ? salesObjects.find((name) => name.toLowerCase() === item.trim().toLowerCase()) : undefined;
		if (object === undefined) {
			throw new SyncScopeError(message);
		}

		picked.add(object);
	}

	// In the objects' own order, so that equal scopes are written (and fingerprinted) alike.
	return salesObjects.filter((object) => picked.has(object));
}

const objectWords: Record<SalesObject, string> = {Opportunity: 'opportunities', Task: 'tasks', Event: 'events'};

/** `owners of opportunities or tasks created or changed in the last 30 days`. */
export function describeActivityScope(activity: ActivityScope): string {
	const words = activity.objects.map((object) => objectWords[object]);
	const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
	return `owners of ${list} created or changed in the last ${activity.days === 1 ? 'day' : `${activity.days} days`}`;
}

/** One line for people: `profiles Sales, Support; user types Standard; active only`. */
export function describeSyncScope(scope: SyncScope): string {
	const parts = [
		scope.profiles.length > 0 ? `profiles ${scope.profiles.join(', ')}` : undefined,
		scope.roles.length > 0 ? `roles ${scope.roles.join(', ')}` : undefined,
		scope.departments.length > 0 ? `departments ${scope.departments.join(', ')}` : undefined,
		scope.userTypes.length > 0 ? `user types ${scope.userTypes.join(', ')}` : undefined,
		scope.activeOnly ? 'active only' : undefined,
		scope.activity ? describeActivityScope(scope.activity) : undefined,
	].filter((part) => part !== undefined);
	return parts.length === 0 ? 'every user' : parts.join('; ');
}
