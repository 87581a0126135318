import type pg from 'pg';
import type {PlanRules} from '../core/import-context.js';
import type {PlanEntry} from '../core/import-plan.js';
import type {OrgIdentity} from '../core/org-switch.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {LinkedPerson, StatusChange} from '../core/status-changes.js';
import type {TeamRule} from '../core/team-placement.js';
import type {CreatedPersonFacts} from '../core/undo-keep.js';
import {buildImportContext, type ChoiceRow, type LinkRow, type PersonRow} from './import-context-query.js';
import type {PostgresStore} from './postgres-database.js';
import {postgresPlanWriter} from './postgres-plan-writer.js';
import {assertOrgMatchesOnPostgres, claimOrgOnPostgres} from './postgres-store-origin.js';
import {readSyncMemoryOnPostgres, recordSyncProgressOnPostgres} from './postgres-sync-state.js';
import {applyDefaultTeamOnPostgres, applyTeamPlacementOnPostgres, countPeopleOnNoTeamOnPostgres} from './postgres-team-placement.js';
import {newestRunWhereOnPostgres, undoRunOnPostgres} from './postgres-undo-run.js';
import {tryWithWriteLock, withWriteLock} from './postgres-write-lock.js';
import type {UndoableRunRow} from './undo-run.js';
import type {LockHolder} from './write-lock.js';

type NewRunRow = LockHolder & {
	status: 'completed' | 'held';
	selectedCount: number;
	syncKind?: 'full' | 'incremental';
	note?: string | null;
	releasesRunId?: number | null;
};

type Counts = {created: number; mapped: number; alreadyImported: number; skipped: number; deactivated: number; reactivated: number};

type Queryable = pg.Pool | pg.ClientBase;

/**
 * Several statements that must see one moment: on the pool, a read-only transaction of their own (a writer
 * on another host may commit between them); inside a run's transaction, that transaction, under its lock.
 */
async function inOneSnapshot<T>(client: Queryable, read: (snapshot: pg.ClientBase) => Promise<T>): Promise<T> {
	if (!('totalCount' in client)) {
		return read(client);
	}

	const connection = await client.connect();
	try {
		await connection.query('begin isolation level repeatable read read only');
		const value = await read(connection);
		await connection.query('commit');
		return value;
	} catch (error: unknown) {
		await connection.query('rollback').catch(() => {});
		throw error;
	} finally {
		connection.release();
	}
}

/** The reads of planning, over the pool (each its own snapshot) or, inside a run, over its transaction. */
function runReads(client: Queryable) {
	return {
		importContext: async (rules?: Partial<PlanRules>) =>
			inOneSnapshot(client, async (snapshot) => {
				const known = await snapshot.query<PersonRow>('select id, name, email_normalised as email, email as "displayEmail", federation_id as "federationId" from people');
				const links = await snapshot.query<LinkRow>('select salesforce_user_id as "salesforceUserId", person_id as "personId", salesforce_name as "salesforceName" from salesforce_links');
				const choices = await snapshot.query<ChoiceRow>('select salesforce_user_id as "salesforceUserId", kind, person_id as "personId" from manual_choices');
				return buildImportContext(known.rows, links.rows, choices.rows, rules);
			}),
		async linkedPeople(): Promise<Map<string, LinkedPerson>> {
			const result = await client.query<{salesforceUserId: string} & LinkedPerson>(
				'select l.salesforce_user_id as "salesforceUserId", p.id as "personId", p.name, p.active, p.deactivated_by_sync as "deactivatedBySync" from salesforce_links l join people p on p.id = l.person_id',
			);
			return new Map(result.rows.map((row) => [row.salesforceUserId, {personId: row.personId, name: row.name, active: row.active, deactivatedBySync: row.deactivatedBySync}]));
		},
		syncMemory: async () => readSyncMemoryOnPostgres(client),
		teamNames: async () => (await client.query<{name: string}>('select name from teams order by lower(name), id')).rows.map((row) => row.name),
		assertOrgMatches: async (org: OrgIdentity, switchOrg: boolean) => assertOrgMatchesOnPostgres(client, org, switchOrg),
	};
}

/**
 * The run store port over PostgreSQL. The write lock is a transaction-scoped advisory lock (see
 * postgres-write-lock.ts), so two importers on two hosts plan and write one after the other; the schema's
 * unique constraints (email, Salesforce user) guard every row besides. A killed process leaves nothing half
 * written: its transaction dies with its connection.
 */
export function postgresRunStore(store: PostgresStore) {
	const {pool} = store;

	const writes = (client: pg.ClientBase) => {
		const writer = postgresPlanWriter(client);
		return {
			...runReads(client),
			claimOrg: async (org: OrgIdentity, switchOrg: boolean) => claimOrgOnPostgres(client, org, switchOrg),
			async insertRun(run: NewRunRow): Promise<number> {
				const result = await client.query<{id: number}>(
					'insert into import_runs (operator, mode, status, started_at, selected_count, sync_kind, note, releases_run_id) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id',
					[run.operator, run.mode, run.status, run.startedAt, run.selectedCount, run.syncKind ?? null, run.note ?? null, run.releasesRunId ?? null],
				);
				return result.rows[0]!.id;
			},
			writeEntries: async (runId: number, entries: readonly PlanEntry[], at: string) => writer.writeEntries(runId, entries, at),
			recordEntries: async (runId: number, entries: readonly PlanEntry[]) => writer.recordEntries(runId, entries),
			writeStatusChanges: async (runId: number, changes: readonly StatusChange[], at: string) => writer.writeStatusChanges(runId, changes, at),
			recordStatusChanges: async (runId: number, changes: readonly StatusChange[]) => writer.recordStatusChanges(runId, changes),
			async finishRun(runId: number, counts: Counts, at: string): Promise<void> {
				await client.query(
					'update import_runs set finished_at = $1, created_count = $2, mapped_count = $3, already_imported_count = $4, skipped_count = $5, deactivated_count = $6, reactivated_count = $7 where id = $8',
					[at, counts.created, counts.mapped, counts.alreadyImported, counts.skipped, counts.deactivated, counts.reactivated, runId],
				);
			},
			async pendingHeldRun(): Promise<number | undefined> {
				const result = await client.query<{id: number}>(
					`select id from import_runs where mode = 'auto' and status = 'held'
					 and id > coalesce((select max(id) from import_runs where mode = 'auto' and status in ('completed', 'undone')), 0)
					 order by id desc limit 1`,
				);
				return result.rows[0]?.id;
			},
			async markReleased(heldRunId: number, note: string): Promise<void> {
				await client.query("update import_runs set status = 'released', note = $1 where id = $2", [note, heldRunId]);
			},
			recordSyncProgress: async (progress: {kind: 'full' | 'incremental'; highWaterMark: string | null; fingerprint: string; at: string}) =>
				recordSyncProgressOnPostgres(client, progress),
			newestRunWhere: async (matches: (run: UndoableRunRow) => boolean) => newestRunWhereOnPostgres(client, matches),
			undoRun: async (
				target: {runId: number; finishedAt: string | null},
				operator: string,
				at: string,
				keepReason: (person: CreatedPersonFacts, runFinishedAt: string) => string | undefined,
			) => undoRunOnPostgres(client, target, operator, at, keepReason),
		};
	};

	type Writes = ReturnType<typeof writes>;

	return {
		...runReads(pool),
		async tryWriteLock<T>(holder: LockHolder, work: (writes: Writes) => Promise<T>): Promise<{acquired: true; value: T} | {acquired: false; holder: LockHolder | undefined}> {
			return tryWithWriteLock(pool, holder, async (client) => work(writes(client)));
		},
		async recordFailedRun(run: LockHolder & {selectedCount: number}, error: string, at: string): Promise<void> {
			// A row of its own touches nothing another writer holds: no lock, and so no queue as on SQLite.
			try {
				await pool.query(
					"insert into import_runs (operator, mode, status, started_at, finished_at, selected_count, error) values ($1, $2, 'failed', $3, $4, $5, $6)",
					[run.operator, run.mode, run.startedAt, at, run.selectedCount, error],
				);
			} catch {
				// The store itself is failing: the caller reports the original error, which matters more.
			}
		},
		placeOnTeams: async (runId: number, users: readonly SalesforceUser[], rule: TeamRule) =>
			rule === 'off' ? {placed: 0, newTeams: []} : withWriteLock(pool, async (client) => applyTeamPlacementOnPostgres(client, runId, users, rule)),
		placeOnDefaultTeam: async (runId: number, teamName: string) => withWriteLock(pool, async (client) => applyDefaultTeamOnPostgres(client, runId, teamName)),
		peopleOnNoTeam: async (runId?: number) => countPeopleOnNoTeamOnPostgres(pool, runId),
	};
}
