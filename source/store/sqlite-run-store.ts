import type {PlanRules} from '../core/import-context.js';
import type {PlanEntry} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {LinkedPerson, StatusChange} from '../core/status-changes.js';
import type {TeamRule} from '../core/team-placement.js';
import type {OrgIdentity} from '../core/org-switch.js';
import type {CreatedPersonFacts} from '../core/undo-keep.js';
import type {Store} from './database.js';
import {assertOrgMatches, claimOrg} from './store-origin.js';
import {failedRunQueue, type FailedRunRecord} from './failed-run-queue.js';
import {loadImportContext} from './import-context-query.js';
import {planWriter} from './plan-writer.js';
import {readSyncMemory, recordSyncProgress} from './sync-state.js';
import {countPeopleOnNoTeam} from './no-team-query.js';
import {applyDefaultTeam, applyTeamPlacement} from './team-placement-query.js';
import {listTeams} from './teams-query.js';
import {newestRunWhere, undoRunIn, type UndoableRunRow} from './undo-run.js';
import {sqliteWriteLock, type LockHolder} from './write-lock.js';

type NewRunRow = LockHolder & {
	status: 'completed' | 'held';
	selectedCount: number;
	syncKind?: 'full' | 'incremental';
	note?: string | null;
	releasesRunId?: number | null;
};

type Counts = {created: number; mapped: number; alreadyImported: number; skipped: number; deactivated: number; reactivated: number};

type LinkedRow = {salesforceUserId: string; personId: number; name: string; active: number; deactivatedBySync: number};

/**
 * The store as runs use it (the application layer's run store): reads for planning, and the writes of a run,
 * offered only inside `tryWriteLock`'s transaction. better-sqlite3 is synchronous, so every answer is a
 * resolved promise, and the transaction may stay open across the awaits of the work (a screen shows progress).
 */
export function sqliteRunStore(store: Store) {
	const {sqlite} = store;
	const lock = sqliteWriteLock(store);
	const queue = failedRunQueue(store);

	const reads = {
		importContext: async (rules?: Partial<PlanRules>) => loadImportContext(store, rules),
		async linkedPeople(): Promise<Map<string, LinkedPerson>> {
			const rows = sqlite
				.prepare(
					'select l.salesforce_user_id as salesforceUserId, p.id as personId, p.name, p.active, p.deactivated_by_sync as deactivatedBySync from salesforce_links l join people p on p.id = l.person_id',
				)
				.all() as LinkedRow[];
			return new Map(
				rows.map((row) => [row.salesforceUserId, {personId: row.personId, name: row.name, active: row.active === 1, deactivatedBySync: row.deactivatedBySync === 1}]),
			);
		},
		syncMemory: async () => readSyncMemory(store),
		teamNames: async () => listTeams(store).map((team) => team.name),
		assertOrgMatches: async (org: OrgIdentity, switchOrg: boolean) => assertOrgMatches(store, org, switchOrg),
	};

	const writes = () => {
		const writer = planWriter(store);
		return {
			...reads,
			claimOrg: async (org: OrgIdentity, switchOrg: boolean) => claimOrg(store, org, switchOrg),
			async insertRun(run: NewRunRow): Promise<number> {
				return Number(
					sqlite
						.prepare(
							'insert into import_runs (operator, mode, status, started_at, selected_count, sync_kind, note, releases_run_id) values (?, ?, ?, ?, ?, ?, ?, ?)',
						)
						.run(run.operator, run.mode, run.status, run.startedAt, run.selectedCount, run.syncKind ?? null, run.note ?? null, run.releasesRunId ?? null).lastInsertRowid,
				);
			},
			writeEntries: async (runId: number, entries: readonly PlanEntry[], at: string) => writer.writeEntries(runId, entries, at),
			recordEntries: async (runId: number, entries: readonly PlanEntry[]) => writer.recordEntries(runId, entries),
			writeStatusChanges: async (runId: number, changes: readonly StatusChange[], at: string) => writer.writeStatusChanges(runId, changes, at),
			recordStatusChanges: async (runId: number, changes: readonly StatusChange[]) => writer.recordStatusChanges(runId, changes),
			async finishRun(runId: number, counts: Counts, at: string): Promise<void> {
				sqlite
					.prepare(
						'update import_runs set finished_at = ?, created_count = ?, mapped_count = ?, already_imported_count = ?, skipped_count = ?, deactivated_count = ?, reactivated_count = ? where id = ?',
					)
					.run(at, counts.created, counts.mapped, counts.alreadyImported, counts.skipped, counts.deactivated, counts.reactivated, runId);
			},
			async pendingHeldRun(): Promise<number | undefined> {
				const row = sqlite
					.prepare(
						`select id from import_runs where mode = 'auto' and status = 'held'
						 and id > coalesce((select max(id) from import_runs where mode = 'auto' and status in ('completed', 'undone')), 0)
						 order by id desc limit 1`,
					)
					.get() as {id: number} | undefined;
				return row?.id;
			},
			async markReleased(heldRunId: number, note: string): Promise<void> {
				sqlite.prepare("update import_runs set status = 'released', note = ? where id = ?").run(note, heldRunId);
			},
			recordSyncProgress: async (progress: {kind: 'full' | 'incremental'; highWaterMark: string | null; fingerprint: string; at: string}) => recordSyncProgress(store, progress),
			newestRunWhere: async (matches: (run: UndoableRunRow) => boolean) => newestRunWhere(store, matches),
			undoRun: async (
				target: {runId: number; finishedAt: string | null},
				operator: string,
				at: string,
				keepReason: (person: CreatedPersonFacts, runFinishedAt: string) => string | undefined,
			) => undoRunIn(store, target, operator, at, keepReason),
		};
	};

	type Writes = ReturnType<typeof writes>;

	return {
		...reads,
		async tryWriteLock<T>(holder: LockHolder, work: (writes: Writes) => Promise<T>): Promise<{acquired: true; value: T} | {acquired: false; holder: LockHolder | undefined}> {
			const begun = lock.tryBegin(holder);
			if (!begun.begun) {
				return {acquired: false, holder: begun.holder};
			}

			let drained: ((committed: boolean) => void) | undefined;
			try {
				drained = queue.drainInto();
				const value = await work(writes());
				lock.end(true);
				drained(true);
				return {acquired: true, value};
			} catch (error: unknown) {
				lock.end(false);
				drained?.(false);
				throw error;
			}
		},
		async recordFailedRun(run: LockHolder & {selectedCount: number}, error: string, at: string): Promise<void> {
			const record: FailedRunRecord = {...run, finishedAt: at, error};
			try {
				const begun = lock.tryBegin(run);
				if (!begun.begun) {
					queue.enqueue(record);
					return;
				}

				try {
					const drained = queue.drainInto();
					queue.insertNow(record);
					lock.end(true);
					drained(true);
				} catch (failure: unknown) {
					lock.end(false);
					throw failure;
				}
			} catch {
				// The store itself is failing: the caller reports the original error, which matters more.
			}
		},
		placeOnTeams: async (runId: number, users: readonly SalesforceUser[], rule: TeamRule) => applyTeamPlacement(store, runId, users, rule),
		placeOnDefaultTeam: async (runId: number, teamName: string) => applyDefaultTeam(store, runId, teamName),
		peopleOnNoTeam: async (runId?: number) => countPeopleOnNoTeam(store, runId),
	};
}
