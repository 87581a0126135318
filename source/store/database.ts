import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {is} from 'drizzle-orm';
import {drizzle, type BetterSQLite3Database} from 'drizzle-orm/better-sqlite3';
import {migrate} from 'drizzle-orm/better-sqlite3/migrator';
import {getTableConfig, SQLiteTable} from 'drizzle-orm/sqlite-core';
import path from 'node:path';
import {UserFacingError} from '../core/user-facing-error.js';
import {fileModeFor} from '../app-home.js';
import * as schema from './schema.js';
import {judgeSchemaVersion, knownMigrations, newerSchemaMessage, type AppliedMigration, type SchemaVersion} from './schema-version.js';

export type Store = {
	db: BetterSQLite3Database<typeof schema>;
	sqlite: Database.Database;
	file: string;
	close: () => void;
};

/** Why a store cannot be used: each asks something different of the admin, and only `corrupt` means the file itself is bad. */
export type StoreProblem = 'newer-version' | 'unexpected-schema' | 'disk-full' | 'read-only' | 'permission-denied' | 'locked' | 'corrupt' | 'other';

/** The database cannot be opened or migrated; the file is left exactly as it is. */
export class StoreOpenError extends UserFacingError {
	override name = 'StoreOpenError';
	constructor(
		message: string,
		readonly problem: StoreProblem = 'other',
	) {
		super(message);
	}
}

// Two levels up from both source/store/ (tests) and dist/store/ (the built app and an installed package).
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
const migrationsTable = '__drizzle_migrations';

function errorCode(error: unknown): string {
	return typeof error === 'object' && error !== null && typeof (error as {code?: unknown}).code === 'string' ? (error as {code: string}).code : '';
}

function reasonOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * What keeps this process from using the file, asked of the system when SQLite only says it could not open
 * or write it: no room left, a read-only file system, or no permission (for the file, or for its folder,
 * where the -wal and -shm files go).
 */
function environmentProblem(file: string): 'disk-full' | 'read-only' | 'permission-denied' | undefined {
	const folder = path.dirname(file);
	try {
		const space = fs.statfsSync(folder);
		if (space.bavail === 0 || space.bfree === 0) {
			return 'disk-full';
		}
	} catch {
		// Not every platform answers; the checks below still tell the other cases.
	}

	for (const [target, mode] of [
		[file, fs.constants.R_OK | fs.constants.W_OK],
		[folder, fs.constants.W_OK | fs.constants.X_OK],
	] as const) {
		try {
			fs.accessSync(target, mode);
		} catch (error: unknown) {
			const code = errorCode(error);
			if (code === 'EROFS') {
				return 'read-only';
			}

			if (code === 'EACCES' || code === 'EPERM') {
				return 'permission-denied';
			}
		}
	}

	return undefined;
}

/** The error said in words, with what to do for its kind; only a corrupt file is worth moving aside. */
export function storeOpenFailure(file: string, error: unknown): StoreOpenError {
	if (error instanceof StoreOpenError) {
		return error;
	}

	let code = errorCode(error);
	const reason = reasonOf(error);
	if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB' && !code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) {
		// SQLite's codes for a failed open or write (CANTOPEN, IOERR, READONLY) do not say why; the system does.
		code = {'disk-full': 'ENOSPC', 'read-only': 'EROFS', 'permission-denied': 'EACCES', none: code}[environmentProblem(file) ?? 'none'];
	}

	if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || /database or disk is full/i.test(reason)) {
		return new StoreOpenError(`The disk holding the SalesScreen database ${file} is full (${reason}); nothing was changed. Free some space there, then run salesscreen again.`, 'disk-full');
	}

	if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
		return new StoreOpenError(
			`The SalesScreen database ${file} cannot be written here (${reason}): the file system is mounted read-only, or the file or its folder does not let this account write. Nothing was changed. Run salesscreen where it may write, or as the account that owns the file.`,
			'read-only',
		);
	}

	if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code.startsWith('SQLITE_AUTH')) {
		return new StoreOpenError(
			`salesscreen may not open the SalesScreen database ${file} (permission denied for this account). Run it as the account that owns the file, or ask that account's owner for access (ls -l shows who it is).`,
			'permission-denied',
		);
	}

	if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
		return new StoreOpenError(`The SalesScreen database ${file} is locked by another program (${reason}). Nothing was changed; try again when it is done.`, 'locked');
	}

	if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
		return new StoreOpenError(
			`The SalesScreen database ${file} is damaged (${reason}). It was left as it is: restore it from a backup, or move it aside to start with an empty store.`,
			'corrupt',
		);
	}

	return new StoreOpenError(`The SalesScreen database ${file} cannot be opened (${reason}). It was left as it is.`, 'other');
}

/** The schema version of an open SQLite store (no migrations table: none applied). Reads only. */
export function sqliteSchemaVersion(sqlite: Database.Database): SchemaVersion {
	const exists = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(migrationsTable);
	const applied = exists === undefined ? [] : (sqlite.prepare(`select hash, created_at as createdAt from ${migrationsTable} order by created_at`).all() as AppliedMigration[]);
	return judgeSchemaVersion(knownMigrations(migrationsFolder), applied);
}

/**
 * Refuses a store some other salesscreen migrated further (or differently): its schema is not one this
 * version knows, so neither reading nor writing it can be trusted. Reads only.
 */
function refuseUnknownMigrations(sqlite: Database.Database): void {
	const {unknown} = sqliteSchemaVersion(sqlite);
	if (unknown.length > 0) {
		throw new StoreOpenError(newerSchemaMessage('The SalesScreen database', unknown), 'newer-version');
	}
}

/** Every table and column this version's code uses is there: checked before anything is written. */
function checkExpectedSchema(sqlite: Database.Database): void {
	const missing: string[] = [];
	for (const value of Object.values(schema)) {
		if (!is(value, SQLiteTable)) {
			continue;
		}

		const config = getTableConfig(value);
		const present = new Set((sqlite.pragma(`table_info(${JSON.stringify(config.name)})`) as Array<{name: string}>).map((column) => column.name));
		if (present.size === 0) {
			missing.push(`table ${config.name}`);
			continue;
		}

		for (const column of config.columns) {
			if (!present.has(column.name)) {
				missing.push(`${config.name}.${column.name}`);
			}
		}
	}

	if (missing.length > 0) {
		throw new StoreOpenError(
			`The SalesScreen database does not have the tables this salesscreen expects (missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); nothing was changed. Was it made by another version? Use the salesscreen that made it, or restore it from a backup.`,
			'unexpected-schema',
		);
	}
}

/**
 * Opens (creating if need be) the SalesScreen store and brings its schema up to date. WAL and a busy
 * timeout let the app, a scripted import and a cron sync share one file. A store from a newer salesscreen,
 * or one without the expected tables, is refused before anything is written to it.
 */
export function openStore(file: string): Store {
	let sqlite: Database.Database | undefined;
	try {
		if (!fs.existsSync(file)) {
			// Created readable by its owner only (its group's too in a shared folder): it records who administers SalesScreen.
			fs.closeSync(fs.openSync(file, 'a', fileModeFor(path.dirname(file))));
		}

		sqlite = new Database(file);
		sqlite.pragma('busy_timeout = 5000');
		// Read before WAL mode or a migration writes anything.
		refuseUnknownMigrations(sqlite);
		sqlite.pragma('journal_mode = WAL');
		const db = drizzle(sqlite, {schema});
		// drizzle-kit's table rebuilds need foreign keys off, which SQLite ignores inside the migration's transaction.
		sqlite.pragma('foreign_keys = OFF');
		migrate(db, {migrationsFolder, migrationsTable});
		sqlite.pragma('foreign_keys = ON');
		const broken = sqlite.pragma('foreign_key_check') as unknown[];
		if (broken.length > 0) {
			throw new StoreOpenError(`The SalesScreen database ${file} has ${broken.length} rows that break foreign keys after migrating. It was left as it is: restore it from a backup.`, 'corrupt');
		}

		checkExpectedSchema(sqlite);
		const connection = sqlite;
		return {db, sqlite: connection, file, close: () => connection.close()};
	} catch (error: unknown) {
		sqlite?.close();
		throw storeOpenFailure(file, error);
	}
}
