import {UserFacingError} from './user-facing-error.js';

/** A person who carries an OS login, as the admin rule sees them. */
export type OperatorPerson = {
	id: number;
	name: string;
	email: string;
	role: 'admin' | 'member';
	active: boolean;
};

/** Someone who may change things: an active person with role admin and the OS login they run the app as. */
export type AdminEntry = {id: number; name: string; login: string};

export type OperatorRights = {
	/** The OS login running the app. */
	login: string;
	isAdmin: boolean;
	/** No one administers this store yet, so whoever runs the app may change everything (and is offered to become its first admin). */
	bootstrap: boolean;
	/** Why the operator may not change things, naming who can help; undefined for an admin. */
	reason?: string;
	/** The person carrying the operator's login, when there is one. */
	person?: OperatorPerson;
};

/** Every kind of change the admin rule guards, in the words a refusal uses. */
export type AdminAction = 'import' | 'sync' | 'release-held' | 'settings' | 'connect' | 'disconnect' | 'people' | 'teams' | 'admins' | 'undo';

const actionWords: Record<AdminAction, string> = {
	import: 'import users',
	sync: 'run a sync by hand',
	'release-held': 'release a held sync',
	settings: 'change this setting',
	connect: 'connect an org',
	disconnect: 'disconnect the org',
	people: 'add or change people',
	teams: 'change teams',
	admins: 'make people admins',
	undo: 'undo an import',
};

function whoCanHelp(admins: readonly AdminEntry[]): string {
	const names = admins.slice(0, 2).map((admin) => `${admin.name} (${admin.login})`);
	const who = admins.length > 2 ? `an admin, such as ${names.join(' or ')}` : names.join(' or ');
	return `Ask ${who} to make you one.`;
}

/**
 * The rule for who may change things. While the store has no admin at all, whoever runs the app may:
 * that is how a fresh install is set up. Once one exists, only active admins may.
 */
export function assessOperator(login: string, person: OperatorPerson | undefined, admins: readonly AdminEntry[]): OperatorRights {
	if (admins.length === 0) {
		return {login, isAdmin: true, bootstrap: true, ...(person ? {person} : {})};
	}

	if (person?.role === 'admin' && person.active && admins.some((admin) => admin.id === person.id)) {
		return {login, isAdmin: true, bootstrap: false, person};
	}

	// Short enough for two lines of a narrow screen: who you are to SalesScreen, and who can change that.
	const who =
		person === undefined
			? `No person here has your OS login "${login}"`
			: !person.active
				? `You, ${person.name} (${login}), are deactivated`
				: `You, ${person.name} (${login}), are a member`;
	return {login, isAdmin: false, bootstrap: false, reason: `${who}. ${whoCanHelp(admins)}`, ...(person ? {person} : {})};
}

/**
 * What to say instead of doing `action`; undefined when the operator may.
 *
 * One exception: `sync` may also run for the account that owns the data folder (by its own OS login), without
 * being an admin. Cron runs it as that account, which can write the database directly anyway, and sync only
 * does what an admin switched on. Releasing a held sync is not covered: it lets through deactivations the
 * safeguard stopped, which is a person's decision, so it needs an admin wherever it is asked (the app's
 * History tab or `sync --confirm-held`).
 */
export function refusalFor(action: AdminAction, rights: OperatorRights, runsAsDataFolderOwner = false): string | undefined {
	if (rights.isAdmin || (action === 'sync' && runsAsDataFolderOwner)) {
		return undefined;
	}

	return `Only an admin may ${actionWords[action]}. ${rights.reason ?? ''}`.trim();
}

/** An action refused by the admin rule; its message says why and who can help. */
export class NotAdminError extends UserFacingError {
	override name = 'NotAdminError';
}

/**
 * Refuses a change that would leave a store that has admins with none: the last admin cannot give up
 * their rights (nor be deactivated) until someone else holds them.
 */
export function lastAdminRefusal(admins: readonly AdminEntry[], personId: number, staysAdmin: boolean, operatorPersonId?: number): string | undefined {
	if (staysAdmin || admins.length !== 1 || admins[0]!.id !== personId) {
		return undefined;
	}

	return personId === operatorPersonId
		? 'You are the last admin: make someone else an admin first, then you may give up your own rights.'
		: `${admins[0]!.name} is the last admin: make someone else an admin first.`;
}
