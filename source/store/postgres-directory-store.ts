import {and, asc, count, desc, eq, isNotNull, or, sql} from 'drizzle-orm';
import {drizzle, type NodePgDatabase} from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import {UniqueConflictError, type UniqueField} from '../core/unique-conflict.js';
import type {PostgresStore} from './postgres-database.js';
import * as schema from './postgres-schema.js';
import {importOutcomes, importRuns, manualChoices, people, salesforceLinks, teams} from './postgres-schema.js';
import {requestFullSyncOnPostgres} from './postgres-sync-state.js';
import {withWriteLock} from './postgres-write-lock.js';
import type {ChoiceRow, NewPersonRow, PersonChangesRow} from './directory-rows.js';

type Db = NodePgDatabase<typeof schema>;

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

// The constraint names drizzle-kit gave the PostgreSQL schema (drizzle/postgres/).
const uniqueFields: Array<[string, UniqueField]> = [
	['people_email_normalised_unique', 'email'],
	['people_os_login_unique', 'osLogin'],
	['people_federation_id_unique', 'federationId'],
	['teams_name_normalised_unique', 'teamName'],
	['salesforce_links', 'salesforceLink'],
	['manual_choices', 'manualChoice'],
];

/** PostgreSQL's unique_violation (23505, perhaps wrapped by drizzle), as the port's engine-neutral error. */
function asConflict(error: unknown): unknown {
	let cause: unknown = error;
	for (let depth = 0; depth < 3 && cause instanceof Error; depth++) {
		const {code, constraint} = cause as {code?: unknown; constraint?: unknown};
		if (code === '23505') {
			const name = typeof constraint === 'string' ? constraint : cause.message;
			return new UniqueConflictError(uniqueFields.find(([prefix]) => name.startsWith(prefix) || name.includes(prefix))?.[1] ?? 'other', {cause});
		}

		cause = cause.cause;
	}

	return error;
}

async function conflicts<T>(write: () => Promise<T>): Promise<T> {
	try {
		return await write();
	} catch (error: unknown) {
		throw asConflict(error);
	}
}

// SQLite's `collate nocase`: the lists are ordered without regard to case on both engines.
const byName = (column: typeof people.name | typeof teams.name) => asc(sql`lower(${column})`);

function directoryReads(db: Db) {
	return {
		async listPeople() {
			const rows = await db
				.select({
					id: people.id,
					name: people.name,
					email: people.email,
					title: people.title,
					role: people.role,
					active: people.active,
					teamId: people.teamId,
					teamName: teams.name,
					origin: people.origin,
					osLogin: people.osLogin,
					salesforceUserId: salesforceLinks.salesforceUserId,
				})
				.from(people)
				.leftJoin(teams, eq(people.teamId, teams.id))
				.leftJoin(salesforceLinks, eq(salesforceLinks.personId, people.id))
				.orderBy(byName(people.name), asc(people.id));
			// The newest non-empty name each linked user's outcomes recorded.
			const names = await db
				.selectDistinctOn([importOutcomes.salesforceUserId], {salesforceUserId: importOutcomes.salesforceUserId, name: importOutcomes.salesforceName})
				.from(importOutcomes)
				.innerJoin(salesforceLinks, eq(salesforceLinks.salesforceUserId, importOutcomes.salesforceUserId))
				.where(sql`${importOutcomes.salesforceName} <> ''`)
				.orderBy(importOutcomes.salesforceUserId, desc(importOutcomes.id));
			const nameOf = new Map(names.map((row) => [row.salesforceUserId, row.name]));
			return rows.map((row) => ({...row, salesforceName: row.salesforceUserId === null ? null : (nameOf.get(row.salesforceUserId) ?? null)}));
		},
		async personHistory(personId: number) {
			const [link] = await db.select({id: salesforceLinks.salesforceUserId}).from(salesforceLinks).where(eq(salesforceLinks.personId, personId));
			const about = link === undefined ? eq(importOutcomes.personId, personId) : or(eq(importOutcomes.personId, personId), eq(importOutcomes.salesforceUserId, link.id));
			return db
				.select({
					runId: importRuns.id,
					startedAt: importRuns.startedAt,
					operator: importRuns.operator,
					mode: importRuns.mode,
					outcome: importOutcomes.outcome,
					salesforceUserId: importOutcomes.salesforceUserId,
					salesforceName: importOutcomes.salesforceName,
					detail: importOutcomes.detail,
				})
				.from(importOutcomes)
				.innerJoin(importRuns, eq(importRuns.id, importOutcomes.runId))
				.where(about)
				.orderBy(desc(importOutcomes.id));
		},
		listTeams: async () =>
			db
				.select({id: teams.id, name: teams.name, members: count(people.id)})
				.from(teams)
				.leftJoin(people, eq(people.teamId, teams.id))
				.groupBy(teams.id)
				.orderBy(byName(teams.name), asc(teams.id)),
		async listAdmins() {
			const rows = await db
				.select({id: people.id, name: people.name, login: people.osLogin})
				.from(people)
				.where(and(eq(people.role, 'admin'), eq(people.active, true), isNotNull(people.osLogin)))
				// SQLite's binary order of names, whatever the database's collation.
				.orderBy(asc(sql`${people.name} collate "C"`));
			return rows.map((admin) => ({id: admin.id, name: admin.name, login: admin.login!}));
		},
		person: async (personId: number) => (await db.select(personColumns).from(people).where(eq(people.id, personId)))[0],
		personByLogin: async (osLogin: string) => (await db.select(personColumns).from(people).where(eq(people.osLogin, osLogin)))[0],
		personByEmail: async (emailNormalised: string) => (await db.select(personColumns).from(people).where(eq(people.emailNormalised, emailNormalised)))[0],
		team: async (teamId: number) => (await db.select({id: teams.id, name: teams.name, nameNormalised: teams.nameNormalised}).from(teams).where(eq(teams.id, teamId)))[0],
		teamByName: async (nameNormalised: string) =>
			(await db.select({id: teams.id, name: teams.name, nameNormalised: teams.nameNormalised}).from(teams).where(eq(teams.nameNormalised, nameNormalised)))[0],
		async searchPeople(query: string, limit: number) {
			const wanted = query.trim().toLocaleLowerCase();
			const max = Math.max(0, Math.floor(limit));
			if (max === 0) {
				return [];
			}

			// Compared in JavaScript, as on SQLite, so that accents fold as the picker shows them.
			const rows = await db
				.select({id: people.id, name: people.name, email: people.email, linkedSalesforceUserId: salesforceLinks.salesforceUserId})
				.from(people)
				.leftJoin(salesforceLinks, eq(salesforceLinks.personId, people.id))
				.orderBy(byName(people.name), asc(people.id));
			return rows.filter((row) => wanted === '' || row.name.toLocaleLowerCase().includes(wanted) || row.email.toLocaleLowerCase().includes(wanted)).slice(0, max);
		},
		linkOfPerson: async (personId: number) =>
			(
				await db
					.select({salesforceUserId: salesforceLinks.salesforceUserId, salesforceName: salesforceLinks.salesforceName})
					.from(salesforceLinks)
					.where(eq(salesforceLinks.personId, personId))
			)[0],
		linkOfUser: async (salesforceUserId: string) =>
			(await db.select({personId: salesforceLinks.personId}).from(salesforceLinks).where(eq(salesforceLinks.salesforceUserId, salesforceUserId)))[0],
		choiceForPerson: async (personId: number): Promise<ChoiceRow | undefined> =>
			(await db.select().from(manualChoices).where(and(eq(manualChoices.kind, 'map'), eq(manualChoices.personId, personId))))[0],
	};
}

function directoryWrites(db: Db, client: pg.ClientBase) {
	return {
		...directoryReads(db),
		async insertPerson(person: NewPersonRow, at: string): Promise<number> {
			const [row] = await conflicts(async () =>
				db
					.insert(people)
					.values({...person, origin: 'manual', createdAt: at, updatedAt: at})
					.returning({id: people.id}),
			);
			return row!.id;
		},
		async updatePerson(personId: number, changes: PersonChangesRow, at: string): Promise<void> {
			await conflicts(async () =>
				db
					.update(people)
					.set({...changes, updatedAt: at})
					.where(eq(people.id, personId)),
			);
		},
		unlinkPerson: async (personId: number) => ((await db.delete(salesforceLinks).where(eq(salesforceLinks.personId, personId))).rowCount ?? 0) > 0,
		async insertTeam(team: {name: string; nameNormalised: string}): Promise<number> {
			const [row] = await conflicts(async () => db.insert(teams).values(team).returning({id: teams.id}));
			return row!.id;
		},
		async renameTeam(teamId: number, team: {name: string; nameNormalised: string}): Promise<void> {
			await conflicts(async () => db.update(teams).set(team).where(eq(teams.id, teamId)));
		},
		async deleteTeam(teamId: number, at: string): Promise<number> {
			// The foreign key would do this too; saying it here keeps the count.
			const moved = (await db.update(people).set({teamId: null, updatedAt: at}).where(eq(people.teamId, teamId))).rowCount ?? 0;
			await db.delete(teams).where(eq(teams.id, teamId));
			return moved;
		},
		async assignTeam(personIds: readonly number[], teamId: number | null, at: string): Promise<number> {
			// One array parameter for any number of ids: no statement's parameter limit to mind.
			const result = await client.query('update people set team_id = $1, updated_at = $2 where id = any($3::int[])', [teamId, at, [...personIds]]);
			return result.rowCount ?? 0;
		},
		async saveManualChoice(choice: ChoiceRow): Promise<void> {
			await conflicts(async () =>
				db
					.insert(manualChoices)
					.values(choice)
					.onConflictDoUpdate({target: manualChoices.salesforceUserId, set: {kind: choice.kind, personId: choice.personId, chosenBy: choice.chosenBy, chosenAt: choice.chosenAt}}),
			);
			await requestFullSyncOnPostgres(client);
		},
		async clearManualChoice(salesforceUserId: string): Promise<boolean> {
			const removed = ((await db.delete(manualChoices).where(eq(manualChoices.salesforceUserId, salesforceUserId))).rowCount ?? 0) > 0;
			if (removed) {
				await requestFullSyncOnPostgres(client);
			}

			return removed;
		},
	};
}

/**
 * The directory store port over PostgreSQL. `change` is one transaction holding the store's write lock
 * (the advisory lock every run writer takes too, on every host), waiting for it as SQLite's busy timeout
 * does: a rule checked inside (the last admin) still holds when it commits.
 */
export function postgresDirectoryStore(store: PostgresStore) {
	return {
		...directoryReads(store.db),
		async change<T>(work: (writes: ReturnType<typeof directoryWrites>) => Promise<T>): Promise<T> {
			return withWriteLock(store.pool, async (client) => work(directoryWrites(drizzle(client, {schema}), client)));
		},
	};
}
