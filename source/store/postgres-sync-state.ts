import type pg from 'pg';
import type {SyncMemory} from '../core/sync-kind.js';

type StateRow = {
	highWaterMark: string | null;
	lastFullSyncAt: string | null;
	incrementalSinceFull: number;
	fingerprint: string | null;
	fullSyncRequestedAt: string | null;
};

/** What automatic sync remembers between runs (see sync-state.ts); all empty before the first sync. */
export async function readSyncMemoryOnPostgres(client: pg.ClientBase | pg.Pool): Promise<SyncMemory> {
	const result = await client.query<StateRow>(
		'select high_water_mark as "highWaterMark", last_full_sync_at as "lastFullSyncAt", incremental_since_full as "incrementalSinceFull", fingerprint, full_sync_requested_at as "fullSyncRequestedAt" from sync_state where id = 1',
	);
	const row = result.rows[0];
	return {
		highWaterMark: row?.highWaterMark ?? null,
		lastFullSyncAt: row?.lastFullSyncAt ?? null,
		incrementalSinceFull: row?.incrementalSinceFull ?? 0,
		fingerprint: row?.fingerprint ?? null,
		fullSyncRequested: row?.fullSyncRequestedAt !== null && row?.fullSyncRequestedAt !== undefined,
	};
}

/** After a completed automatic run, inside its transaction: as recordSyncProgress of sync-state.ts. */
export async function recordSyncProgressOnPostgres(
	client: pg.ClientBase,
	progress: {kind: 'full' | 'incremental'; highWaterMark: string | null; fingerprint: string; at: string},
): Promise<void> {
	const before = await readSyncMemoryOnPostgres(client);
	const full = progress.kind === 'full';
	// A full sync read everything there is (perhaps of another org than before): its mark stands as it is.
	const keepEarlier =
		!full && before.highWaterMark !== null && (progress.highWaterMark === null || Date.parse(before.highWaterMark) > Date.parse(progress.highWaterMark));
	const mark = keepEarlier ? before.highWaterMark : progress.highWaterMark;
	await client.query(
		`insert into sync_state (id, high_water_mark, last_full_sync_at, incremental_since_full, fingerprint, full_sync_requested_at, updated_at)
		 values (1, $1, $2, $3, $4, null, $5)
		 on conflict (id) do update set high_water_mark = $1, last_full_sync_at = $2, incremental_since_full = $3,
		   fingerprint = $4, full_sync_requested_at = null, updated_at = $5`,
		[mark, full ? progress.at : before.lastFullSyncAt, full ? 0 : before.incrementalSinceFull + 1, progress.fingerprint, progress.at],
	);
}

/** The next automatic sync reads every user: something changed that users unchanged in Salesforce depend on. */
export async function requestFullSyncOnPostgres(client: pg.ClientBase): Promise<void> {
	const at = new Date().toISOString();
	await client.query(
		`insert into sync_state (id, full_sync_requested_at, updated_at) values (1, $1, $1)
		 on conflict (id) do update set full_sync_requested_at = $1, updated_at = $1`,
		[at],
	);
}
