import fs from 'node:fs';
import path from 'node:path';
import {fileModeFor} from '../app-home.js';
import type {Store} from './database.js';

export type FailedRunRecord = {operator: string; mode: 'manual' | 'auto' | 'undo'; startedAt: string; finishedAt: string; selectedCount: number; error: string};

/**
 * Failed runs that could not be written when they failed, because another writer held SQLite's write lock
 * (which is the whole database's): kept one per line in a file beside the database, and written by the
 * next run that holds the lock, in its transaction. A PostgreSQL store has no such need.
 */
export function failedRunQueue(store: Store) {
	const queueFile = `${store.file}-failed-runs`;
	const insert = () =>
		store.sqlite.prepare(
			"insert into import_runs (operator, mode, status, started_at, finished_at, selected_count, error) values (@operator, @mode, 'failed', @startedAt, @finishedAt, @selectedCount, @error)",
		);

	return {
		insertNow(record: FailedRunRecord): void {
			insert().run(record);
		},
		/** Appends; one short write with O_APPEND, so lines of several processes never mix. */
		enqueue(record: FailedRunRecord): void {
			fs.appendFileSync(queueFile, `${JSON.stringify(record)}\n`, {mode: fileModeFor(path.dirname(store.file))});
		},
		/**
		 * Inside a transaction holding the write lock: writes every queued run. Returns what to do once the
		 * transaction ends: forget them when it committed, queue them again when it rolled back.
		 */
		drainInto(): (committed: boolean) => void {
			const taken = `${queueFile}.${process.pid}`;
			try {
				fs.renameSync(queueFile, taken);
			} catch {
				return () => {};
			}

			const text = fs.readFileSync(taken, 'utf8');
			const statement = insert();
			for (const line of text.split('\n')) {
				if (line.trim() === '') {
					continue;
				}

				try {
					statement.run(JSON.parse(line) as FailedRunRecord);
				} catch {
					// A torn line (a crash mid-append) is not worth failing a run for.
				}
			}

			return (committed) => {
				if (!committed) {
					fs.appendFileSync(queueFile, text, {mode: fileModeFor(path.dirname(store.file))});
				}

				fs.rmSync(taken, {force: true});
			};
		},
	};
}
