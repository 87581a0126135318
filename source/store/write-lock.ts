import fs from 'node:fs';
import path from 'node:path';
import {fileModeFor} from '../app-home.js';
import type {Store} from './database.js';

/** Who holds the write lock, as the holder writes it beside the database for those who wait. */
export type LockHolder = {operator: string; mode: 'manual' | 'auto' | 'undo'; startedAt: string};

const busyTimeoutMs = 5000;

function isBusy(error: unknown): boolean {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error: unknown) {
		// EPERM: it runs, as another account.
		return (error as {code?: string}).code === 'EPERM';
	}
}

/**
 * SQLite's write lock (BEGIN IMMEDIATE) taken without waiting, so the caller can wait its own way with the
 * event loop free. The holder's name is kept in a small file beside the database while it holds the lock:
 * what SQLite itself does not tell. Only the holder writes it, and removes it before it lets go.
 */
export function sqliteWriteLock(store: Store) {
	const holderFile = `${store.file}-writer`;
	let ownHolder: LockHolder | undefined;

	const readHolder = (): LockHolder | undefined => {
		try {
			const written = JSON.parse(fs.readFileSync(holderFile, 'utf8')) as LockHolder & {pid: number};
			return processAlive(written.pid) ? {operator: written.operator, mode: written.mode, startedAt: written.startedAt} : undefined;
		} catch {
			return undefined;
		}
	};

	return {
		/** Begins the transaction holding the write lock; false (with who holds it) when another writer does. */
		tryBegin(holder: LockHolder): {begun: true} | {begun: false; holder: LockHolder | undefined} {
			if (store.sqlite.inTransaction) {
				// This very connection is in a run of its own (the app's, say).
				return {begun: false, holder: ownHolder};
			}

			store.sqlite.pragma('busy_timeout = 0');
			try {
				store.sqlite.exec('BEGIN IMMEDIATE');
			} catch (error: unknown) {
				if (isBusy(error)) {
					return {begun: false, holder: readHolder()};
				}

				throw error;
			} finally {
				store.sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
			}

			ownHolder = holder;
			try {
				fs.writeFileSync(holderFile, JSON.stringify({...holder, pid: process.pid}), {mode: fileModeFor(path.dirname(store.file))});
			} catch {
				// Only those who wait miss it: they say "another program" instead of a name.
			}

			return {begun: true};
		},
		/** Commits (or rolls back) and lets go of the lock; the holder's file goes first, while it is still held. */
		end(commit: boolean): void {
			ownHolder = undefined;
			fs.rmSync(holderFile, {force: true});
			if (!store.sqlite.inTransaction) {
				return;
			}

			store.sqlite.exec(commit ? 'COMMIT' : 'ROLLBACK');
		},
		isBusy,
	};
}
