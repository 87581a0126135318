import type {Store} from './database.js';
import type {importRunModes} from './schema.js';

/** The import did not happen; nothing of it was written. */
export class ImportFailedError extends Error {
	override name = 'ImportFailedError';
}

export type RunIdentity = {operator: string; mode: (typeof importRunModes)[number]; startedAt: string; selectedCount: number};

/**
 * Runs `work` in one write transaction, taken at once (BEGIN IMMEDIATE) so that what it plans against cannot
 * change under it. Any failure rolls all of it back, records a failed run, and throws ImportFailedError.
 * The transaction may stay open across awaits, so a screen can show progress.
 */
export async function inImportTransaction<T>(store: Store, run: RunIdentity, work: () => Promise<T>): Promise<T> {
	store.sqlite.exec('BEGIN IMMEDIATE');
	try {
		const result = await work();
		store.sqlite.exec('COMMIT');
		return result;
	} catch (error: unknown) {
		if (store.sqlite.inTransaction) {
			store.sqlite.exec('ROLLBACK');
		}

		const reason = error instanceof Error ? error.message : String(error);
		recordFailedRun(store, run, reason);
		throw new ImportFailedError(`The import failed and nothing of it was written: ${reason}`, {cause: error});
	}
}

/** A run that wrote nothing, with why; every run stays recorded, failures too. */
export function recordFailedRun(store: Store, run: RunIdentity, error: string): void {
	try {
		store.sqlite
			.prepare("insert into import_runs (operator, mode, status, started_at, finished_at, selected_count, error) values (?, ?, 'failed', ?, ?, ?, ?)")
			.run(run.operator, run.mode, run.startedAt, new Date().toISOString(), run.selectedCount, error);
	} catch {
		// The store itself is failing; the caller reports the original error, which matters more.
	}
}
