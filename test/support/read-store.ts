import path from 'node:path';
import Database from 'better-sqlite3';

/** Rows of the store in a data folder, read the way another program would: read-only, then closed. */
export function readStore<T>(home: string, sql: string, ...parameters: unknown[]): T[] {
	const database = new Database(path.join(home, 'salesscreen.db'), {readonly: true});
	try {
		return database.prepare(sql).all(...parameters) as T[];
	} finally {
		database.close();
	}
}
