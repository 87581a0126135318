import type {SyncMemory} from '../core/sync-kind.js';
import type {Store} from './database.js';

type StateRow = {
	highWaterMark: string | null;
	lastFullSyncAt: string | null;
	incrementalSinceFull: number;
	fingerprint: string | null;
	fullSyncRequestedAt: string | null;
};

/** What automatic sync remembers between runs; all empty before the first sync. */
export function readSyncMemory(store: Store): SyncMemory {
	const row = store.sqlite
		.prepare(
			'select high_water_mark as highWaterMark, last_full_sync_at as lastFullSyncAt, incremental_since_full as incrementalSinceFull, fingerprint, full_sync_requested_at as fullSyncRequestedAt from sync_state where id = 1',
		)
		.get() as StateRow | undefined;
	return {
		highWaterMark: row?.highWaterMark ?? null,
		lastFullSyncAt: row?.lastFullSyncAt ?? null,
		incrementalSinceFull: row?.incrementalSinceFull ?? 0,
		fingerprint: row?.fingerprint ?? null,
		fullSyncRequested: row?.fullSyncRequestedAt !== null && row?.fullSyncRequestedAt !== undefined,
	};
}

/**
 * After a completed automatic run, inside its transaction: the new high-water mark (an incremental sync never
 * moves it back, should two syncs overlap), and how far it is to the next full sync.
 */
export function recordSyncProgress(store: Store, progress: {kind: 'full' | 'incremental'; highWaterMark: string | null; fingerprint: string; at: string}): void {
	const before = readSyncMemory(store);
	const full = progress.kind === 'full';
	// A full sync read everything there is (perhaps of another org than before): its mark stands as it is.
	const keepEarlier =
		!full && before.highWaterMark !== null && (progress.highWaterMark === null || Date.parse(before.highWaterMark) > Date.parse(progress.highWaterMark));
	const mark = keepEarlier ? before.highWaterMark : progress.highWaterMark;
	store.sqlite
		.prepare(
			`insert into sync_state (id, high_water_mark, last_full_sync_at, incremental_since_full, fingerprint, full_sync_requested_at, updated_at)
			 values (1, @mark, @lastFull, @since, @fingerprint, null, @at)
			 on conflict (id) do update set high_water_mark = @mark, last_full_sync_at = @lastFull, incremental_since_full = @since,
			   fingerprint = @fingerprint, full_sync_requested_at = null, updated_at = @at`,
		)
		.run({
			mark,
			lastFull: full ? progress.at : before.lastFullSyncAt,
			since: full ? 0 : before.incrementalSinceFull + 1,
			fingerprint: progress.fingerprint,
			at: progress.at,
		});
}

/** The next automatic sync reads every user: something changed that users unchanged in Salesforce depend on. */
export function requestFullSync(store: Store): void {
	const at = new Date().toISOString();
	store.sqlite
		.prepare(
			`insert into sync_state (id, full_sync_requested_at, updated_at) values (1, @at, @at)
			 on conflict (id) do update set full_sync_requested_at = @at, updated_at = @at`,
		)
		.run({at});
}
