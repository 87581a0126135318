import {and, eq, inArray} from 'drizzle-orm';
import {UniqueConflictError, type UniqueField} from '../core/unique-conflict.js';
import type {Store} from './database.js';
import {listAdmins} from './admins-query.js';
import {listPeople} from './people-query.js';
import {personHistory} from './person-history-query.js';
import {searchPeople} from './people-search-query.js';
import {manualChoices, people, salesforceLinks, teams} from './schema.js';
import {requestFullSync} from './sync-state.js';
import {listTeams} from './teams-query.js';
import type {ChoiceRow, NewPersonRow, PersonChangesRow} from './directory-rows.js';


const personColumns = {
	id: people.id,
	name: people.name,
	email: people.email,
	emailNormalised: people.emailNormalised,
	title: people.title,
	role: people.role,
	active: people.active,
	osLogin: people.osLogin,
	teamId: people.teamId,
	updatedAt: people.updatedAt,
};

const uniqueFields: Array<[string, UniqueField]> = [
	['people.email_normalised', 'email'],
	['people.os_login', 'osLogin'],
	['people.federation_id', 'federationId'],
	['teams.name_normalised', 'teamName'],
	['salesforce_links', 'salesforceLink'],
	['manual_choices', 'manualChoice'],
];

/** SQLite's "UNIQUE constraint failed: people.email_normalised", as the port's engine-neutral error. */
function asConflict(error: unknown): unknown {
	if (!(error instanceof Error) || (error as {code?: unknown}).code !== 'SQLITE_CONSTRAINT_UNIQUE' && (error as {code?: unknown}).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') {
		return error;
	}

	const field = uniqueFields.find(([column]) => error.message.includes(column))?.[1] ?? 'other';
	return new UniqueConflictError(field, {cause: error});
}

function conflicts<T>(write: () => T): T {
	try {
		return write();
	} catch (error: unknown) {
		throw asConflict(error);
	}
}

let savepoints = 0;

/**
 * The directory store port over SQLite. better-sqlite3 is synchronous, so every answer is a resolved promise;
 * `change` holds BEGIN IMMEDIATE (waiting up to the connection's busy timeout for another process), or a
 * savepoint when this connection is already inside a run's transaction.
 */
export function sqliteDirectoryStore(store: Store) {
	const {db, sqlite} = store;

	const reads = {
		listPeople: async () => listPeople(store),
		personHistory: async (personId: number) => personHistory(store, personId),
		listTeams: async () => listTeams(store),
		listAdmins: async () => listAdmins(store),
		person: async (personId: number) => db.select(personColumns).from(people).where(eq(people.id, personId)).get(),
		personByLogin: async (osLogin: string) => db.select(personColumns).from(people).where(eq(people.osLogin, osLogin)).get(),
		personByEmail: async (emailNormalised: string) => db.select(personColumns).from(people).where(eq(people.emailNormalised, emailNormalised)).get(),
		team: async (teamId: number) => db.select({id: teams.id, name: teams.name, nameNormalised: teams.nameNormalised}).from(teams).where(eq(teams.id, teamId)).get(),
		teamByName: async (nameNormalised: string) =>
			db.select({id: teams.id, name: teams.name, nameNormalised: teams.nameNormalised}).from(teams).where(eq(teams.nameNormalised, nameNormalised)).get(),
		searchPeople: async (query: string, limit: number) => searchPeople(store, query, limit),
		linkOfPerson: async (personId: number) =>
			db
				.select({salesforceUserId: salesforceLinks.salesforceUserId, salesforceName: salesforceLinks.salesforceName})
				.from(salesforceLinks)
				.where(eq(salesforceLinks.personId, personId))
				.get(),
		linkOfUser: async (salesforceUserId: string) =>
			db.select({personId: salesforceLinks.personId}).from(salesforceLinks).where(eq(salesforceLinks.salesforceUserId, salesforceUserId)).get(),
		choiceForPerson: async (personId: number): Promise<ChoiceRow | undefined> =>
			db.select().from(manualChoices).where(and(eq(manualChoices.kind, 'map'), eq(manualChoices.personId, personId))).get(),
	};

	const writes = {
		...reads,
		async insertPerson(person: NewPersonRow, at: string): Promise<number> {
			const [row] = conflicts(() =>
				db
					.insert(people)
					.values({...person, origin: 'manual', createdAt: at, updatedAt: at})
					.returning({id: people.id})
					.all(),
			);
			return row!.id;
		},
		async updatePerson(personId: number, changes: PersonChangesRow, at: string): Promise<void> {
			conflicts(() =>
				db
					.update(people)
					.set({...changes, updatedAt: at})
					.where(eq(people.id, personId))
					.run(),
			);
		},
		unlinkPerson: async (personId: number) => db.delete(salesforceLinks).where(eq(salesforceLinks.personId, personId)).run().changes > 0,
		async insertTeam(team: {name: string; nameNormalised: string}): Promise<number> {
			const [row] = conflicts(() => db.insert(teams).values(team).returning({id: teams.id}).all());
			return row!.id;
		},
		async renameTeam(teamId: number, team: {name: string; nameNormalised: string}): Promise<void> {
			conflicts(() => db.update(teams).set(team).where(eq(teams.id, teamId)).run());
		},
		async deleteTeam(teamId: number, at: string): Promise<number> {
			// The foreign key would do this too; saying it here keeps the count and survives foreign keys being off.
			const moved = db.update(people).set({teamId: null, updatedAt: at}).where(eq(people.teamId, teamId)).run().changes;
			db.delete(teams).where(eq(teams.id, teamId)).run();
			return moved;
		},
		async assignTeam(personIds: readonly number[], teamId: number | null, at: string): Promise<number> {
			let changed = 0;
			// SQLite caps the number of bound values in one statement; a chunk of ids stays well under it.
			for (let start = 0; start < personIds.length; start += 500) {
				const chunk = personIds.slice(start, start + 500);
				changed += db.update(people).set({teamId, updatedAt: at}).where(inArray(people.id, chunk)).run().changes;
			}

			return changed;
		},
		async saveManualChoice(choice: ChoiceRow): Promise<void> {
			conflicts(() =>
				db
					.insert(manualChoices)
					.values(choice)
					.onConflictDoUpdate({target: manualChoices.salesforceUserId, set: {kind: choice.kind, personId: choice.personId, chosenBy: choice.chosenBy, chosenAt: choice.chosenAt}})
					.run(),
			);
			requestFullSync(store);
		},
		async clearManualChoice(salesforceUserId: string): Promise<boolean> {
			const removed = db.delete(manualChoices).where(eq(manualChoices.salesforceUserId, salesforceUserId)).run().changes > 0;
			if (removed) {
				requestFullSync(store);
			}

			return removed;
		},
	};

	return {
		...reads,
		async change<T>(work: (directoryWrites: typeof writes) => Promise<T>): Promise<T> {
			const savepoint = sqlite.inTransaction ? `directory_change_${++savepoints}` : undefined;
			sqlite.exec(savepoint === undefined ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
			try {
				const value = await work(writes);
				sqlite.exec(savepoint === undefined ? 'COMMIT' : `RELEASE ${savepoint}`);
				return value;
			} catch (error: unknown) {
				if (sqlite.inTransaction) {
					sqlite.exec(savepoint === undefined ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
				}

				throw error;
			}
		},
	};
}
