import type {AdminEntry} from '../../core/admin-policy.js';
import type {PersonHistoryEntry, PersonListing, TeamListing} from '../../core/person.js';

/** One person as a change reads them before deciding (the rules live in the use case, not the store). */
export type PersonRecord = {
	id: number;
	name: string;
	email: string;
	/** Trimmed and lower-cased: the unique key of a person's email. */
	emailNormalised: string;
	title: string | null;
	role: 'admin' | 'member';
	active: boolean;
	osLogin: string | null;
	teamId: number | null;
	/** ISO 8601; every write through this port sets it to the change's `at`. */
	updatedAt: string;
};

export type TeamRecord = {id: number; name: string; nameNormalised: string};

/** A person as the manual-mapping picker offers them. */
export type PersonMatch = {id: number; name: string; email: string; linkedSalesforceUserId: string | null};

export type NewPerson = {
	name: string;
	email: string;
	emailNormalised: string;
	title: string | null;
	role: 'admin' | 'member';
	osLogin: string | null;
};

/** The fields a change may set; those left out stay as they are. */
export type PersonChanges = Partial<Pick<PersonRecord, 'name' | 'email' | 'emailNormalised' | 'title' | 'role' | 'active' | 'osLogin'>>;

export type ManualChoiceRecord = {salesforceUserId: string; kind: 'map' | 'ignore'; personId: number | null; chosenBy: string; chosenAt: string};

/**
 * What the People, Teams and Admins use cases read. Each read is one consistent snapshot of the store (one
 * statement, or one read transaction); outside `change` two reads may see different moments.
 */
export type DirectoryReads = {
	/** Every person with their team and Salesforce link, by name without regard to case, then by id. The linked user's name is the one the newest import outcome recorded for them (null when none did). */
	listPeople: () => Promise<PersonListing[]>;
	/** Outcomes about the person (by person id, or by the Salesforce user they are linked to now), newest outcome first. */
	personHistory: (personId: number) => Promise<PersonHistoryEntry[]>;
	/** Every team by name without regard to case, with how many people are on it. */
	listTeams: () => Promise<TeamListing[]>;
	/** The people who may change things: role admin, active, with an OS login; by name. */
	listAdmins: () => Promise<AdminEntry[]>;
	person: (personId: number) => Promise<PersonRecord | undefined>;
	personByLogin: (osLogin: string) => Promise<PersonRecord | undefined>;
	personByEmail: (emailNormalised: string) => Promise<PersonRecord | undefined>;
	team: (teamId: number) => Promise<TeamRecord | undefined>;
	teamByName: (nameNormalised: string) => Promise<TeamRecord | undefined>;
	/**
	 * At most `limit` people whose name or email contains `query` without regard to case (compared with
	 * JavaScript's toLocaleLowerCase, so accents fold as the picker shows them), ordered as listPeople; an
	 * empty query matches everyone.
	 */
	searchPeople: (query: string, limit: number) => Promise<PersonMatch[]>;
	/** The Salesforce user the person is linked to, if any. */
	linkOfPerson: (personId: number) => Promise<{salesforceUserId: string; salesforceName: string | null} | undefined>;
	/** The person the Salesforce user is linked to, if any. */
	linkOfUser: (salesforceUserId: string) => Promise<{personId: number} | undefined>;
	/** The manual `map` choice that names this person, if any. */
	choiceForPerson: (personId: number) => Promise<ManualChoiceRecord | undefined>;
};

/**
 * The writes of one change. They only execute: every check (a valid name, the last admin, who has the
 * email already) is the use case's, made with the reads of the same change.
 *
 * A unique constraint (a person's normalised email or OS login, a team's normalised name, one person per
 * Salesforce user and per manual choice) that refuses a write rejects with a `UniqueConflictError`
 * (core/unique-conflict.ts) naming the field; the whole change is then rolled back.
 */
export type DirectoryWrites = DirectoryReads & {
	/** A person added by hand (origin `manual`), active, on no team, linked to nothing; returns the id. */
	insertPerson: (person: NewPerson, at: string) => Promise<number>;
	/** Sets the given fields and updatedAt = at. */
	updatePerson: (personId: number, changes: PersonChanges, at: string) => Promise<void>;
	/** Removes the person's Salesforce link; false when there was none. The person stays. */
	unlinkPerson: (personId: number) => Promise<boolean>;
	insertTeam: (team: {name: string; nameNormalised: string}) => Promise<number>;
	renameTeam: (teamId: number, team: {name: string; nameNormalised: string}) => Promise<void>;
	/** Deletes the team; its people stay, on no team (updatedAt = at). Returns how many were on it. */
	deleteTeam: (teamId: number, at: string) => Promise<number>;
	/** Puts these people on the team (null: on no team), updatedAt = at; returns how many rows changed. Any number of ids. */
	assignTeam: (personIds: readonly number[], teamId: number | null, at: string) => Promise<number>;
	/**
	 * Inserts or replaces the choice for its Salesforce user, and asks the next automatic sync to read every
	 * user (a choice concerns a user Salesforce may never change again).
	 */
	saveManualChoice: (choice: ManualChoiceRecord) => Promise<void>;
	/** Forgets the choice for the user; when there was one, also asks for a full sync. False when there was none. */
	clearManualChoice: (salesforceUserId: string) => Promise<boolean>;
};

/**
 * SalesScreen's people, teams, admins and manual choices, as the use cases read and change them.
 *
 * `change(work)` runs `work` in one transaction: every read inside sees the writes before it, and no other
 * writer (another change, an import, another process or host) changes what the work read until it commits,
 * so a rule checked inside holds when it commits (two admins demoting each other cannot leave none). It
 * commits when `work` resolves, and rolls everything back when it throws (the error is passed on as it is).
 * On SQLite that is BEGIN IMMEDIATE (inside a run's own open transaction in this process, a savepoint); on
 * another engine, e.g. SERIALIZABLE with a retry, or a transaction-scoped lock that every directory change
 * and every run writer takes. The work only awaits the writes it is given: keep Salesforce and the user out.
 */
export type DirectoryStore = DirectoryReads & {
	change: <T>(work: (writes: DirectoryWrites) => Promise<T>) => Promise<T>;
};
