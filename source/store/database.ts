import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {drizzle, type BetterSQLite3Database} from 'drizzle-orm/better-sqlite3';
import {migrate} from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import {fileModeFor} from '../app-home.js';
import * as schema from './schema.js';

export type Store = {
	db: BetterSQLite3Database<typeof schema>;
	sqlite: Database.Database;
	file: string;
	close: () => void;
};

/** The database cannot be opened or migrated; the file is left exactly as it is. */
export class StoreOpenError extends Error {
	override name = 'StoreOpenError';
}

// Two levels up from both source/store/ (tests) and dist/store/ (the built app and an installed package).
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens (creating if need be) the SalesScreen store and brings its schema up to date. WAL and a busy
 * timeout let the app, a scripted import and a cron sync share one file.
 */
export function openStore(file: string): Store {
	if (!fs.existsSync(file)) {
		// Created readable by its owner only (its group's too in a shared folder): it records who administers SalesScreen.
		fs.closeSync(fs.openSync(file, 'a', fileModeFor(path.dirname(file))));
	}

	let sqlite: Database.Database | undefined;
	try {
		sqlite = new Database(file);
		sqlite.pragma('busy_timeout = 5000');
		sqlite.pragma('journal_mode = WAL');
		const db = drizzle(sqlite, {schema});
		// drizzle-kit's table rebuilds need foreign keys off, which SQLite ignores inside the migration's transaction.
		sqlite.pragma('foreign_keys = OFF');
		migrate(db, {migrationsFolder});
		sqlite.pragma('foreign_keys = ON');
		const broken = sqlite.pragma('foreign_key_check') as unknown[];
		if (broken.length > 0) {
			throw new Error(`${broken.length} rows break foreign keys after migrating`);
		}

		const connection = sqlite;
		return {db, sqlite: connection, file, close: () => connection.close()};
	} catch (error: unknown) {
		sqlite?.close();
		const reason = error instanceof Error ? error.message : String(error);
		throw new StoreOpenError(
			`The SalesScreen database ${file} cannot be opened (${reason}). It was left as it is: restore it from a backup, or move it aside to start with an empty store.`,
		);
	}
}
