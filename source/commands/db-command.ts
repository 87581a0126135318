import fs from 'node:fs';
import Database from 'better-sqlite3';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {openSettings} from '../settings/settings.js';
import {selectStore} from '../store-selection.js';
import {openStore, sqliteSchemaVersion, storeOpenFailure, StoreOpenError} from '../store/database.js';
import {openPostgresStore, postgresFailure, postgresPool, postgresSchemaVersion} from '../store/postgres-database.js';
import type {SchemaVersion} from '../store/schema-version.js';
import {newerSchemaMessage} from '../store/schema-version.js';
import {checkDatabaseUrl, describeStoreLocation, type StoreLocation} from '../store/store-location.js';
import {copyToPostgres} from '../store/copy-to-postgres.js';
import {requireAdminIn, requireAdminOnSqliteFile} from './require-admin.js';
import {UsageError} from './usage-error.js';

export const dbStatusExitCodes = {upToDate: 0, failed: 1, behind: 4} as const;

function sourceWords(location: StoreLocation): string {
	if (location.engine === 'sqlite') {
		return 'the default';
	}

	return location.source === 'setting' ? 'saved with salesscreen db use' : 'from --database or SALESSCREEN_DATABASE_URL';
}

function versionWords(version: SchemaVersion): string {
	if (version.applied === 0) {
		return `no migrations applied yet (this salesscreen has ${version.known}, up to ${version.latest})`;
	}

	const standing = version.applied === version.known ? 'up to date' : `${version.known - version.applied} to apply with salesscreen db migrate (up to ${version.latest})`;
	return `${version.current} (${version.applied} of ${version.known} migrations): ${standing}`;
}

function report(out: NodeJS.WritableStream, json: boolean, location: StoreLocation, version: SchemaVersion, migrated?: number): void {
	const store = describeStoreLocation(location);
	if (json) {
		out.write(
			`${JSON.stringify({engine: location.engine, store, current: version.current ?? null, applied: version.applied, known: version.known, latest: version.latest, upToDate: version.applied === version.known, ...(migrated === undefined ? {} : {migrated})})}\n`,
		);
		return;
	}

	out.write(`Store: ${store} (${sourceWords(location)})\nSchema: ${versionWords(version)}\n${migrated === undefined ? '' : migrated === 0 ? 'Nothing to migrate.\n' : `Applied ${migrated} migration${migrated === 1 ? '' : 's'}.\n`}`);
}

/** Reads the version without writing: a missing SQLite file is an empty store, not one to create. */
async function readVersion(location: StoreLocation): Promise<SchemaVersion> {
	if (location.engine === 'sqlite') {
		if (!fs.existsSync(location.file)) {
			const empty = new Database(':memory:');
			try {
				return sqliteSchemaVersion(empty);
			} finally {
				empty.close();
			}
		}

		let sqlite: Database.Database | undefined;
		try {
			sqlite = new Database(location.file, {readonly: true, fileMustExist: true});
			return sqliteSchemaVersion(sqlite);
		} catch (error: unknown) {
			throw storeOpenFailure(location.file, error);
		} finally {
			sqlite?.close();
		}
	}

	const name = describeStoreLocation(location);
	const pool = postgresPool(location.url);
	pool.on('error', () => {});
	try {
		return await postgresSchemaVersion(pool);
	} catch (error: unknown) {
		throw postgresFailure(name, error);
	} finally {
		await pool.end().catch(() => {});
	}
}

/** `salesscreen db status`: which store, and where its schema stands; a newer salesscreen's store is refused. */
export async function dbStatusCommand(json: boolean, out: NodeJS.WritableStream): Promise<number> {
	const home = resolveAppHome();
	const location = selectStore(home);
	const version = await readVersion(location);
	if (version.unknown.length > 0) {
		throw new StoreOpenError(newerSchemaMessage(location.engine === 'sqlite' ? 'The SalesScreen database' : `The ${describeStoreLocation(location)}`, version.unknown), 'newer-version');
	}

	report(out, json, location, version);
	return version.applied === version.known ? dbStatusExitCodes.upToDate : dbStatusExitCodes.behind;
}

/** `salesscreen db migrate`: what the app does at start-up, on its own. */
export async function dbMigrateCommand(json: boolean, out: NodeJS.WritableStream): Promise<number> {
	const home = resolveAppHome();
	const location = selectStore(home);
	const before = await readVersion(location);
	if (location.engine === 'sqlite') {
		ensureAppHome(home);
		const store = openStore(location.file);
		try {
			const after = sqliteSchemaVersion(store.sqlite);
			report(out, json, location, after, after.applied - before.applied);
		} finally {
			store.close();
		}

		return 0;
	}

	const store = await openPostgresStore(location.url);
	try {
		const after = await postgresSchemaVersion(store.pool);
		report(out, json, location, after, after.applied - before.applied);
	} catch (error: unknown) {
		throw postgresFailure(store.name, error);
	} finally {
		await store.close();
	}

	return 0;
}

/**
 * `salesscreen db use URL|sqlite`: saves the store for every command of this data folder. The settings
 * file keeps no password: that goes in ~/.pgpass or PGPASSWORD, as for psql.
 */
export async function dbUseCommand(target: string, out: NodeJS.WritableStream): Promise<number> {
	await requireAdminOnSqliteFile('settings');
	const home = resolveAppHome();
	ensureAppHome(home);
	const settings = openSettings(home.home);
	if (target === 'sqlite') {
		settings.set('databaseUrl', '');
		out.write(`Every command now uses the SQLite file ${home.databaseFile} (unless --database or SALESSCREEN_DATABASE_URL says otherwise).\n`);
		return 0;
	}

	const url = checkDatabaseUrl(target, 'db use');
	if (/^[^:]+:\/\/[^/@]*:[^@/]*@/.test(url) || /[?&]password=/i.test(url)) {
		throw new UsageError('db use does not save a password, which would sit in the settings file: give the URL without it, and put the password in ~/.pgpass (chmod 0600) or PGPASSWORD.');
	}

	settings.set('databaseUrl', url);
	const location: StoreLocation = {engine: 'postgres', url, source: 'setting'};
	out.write(`Every command now uses the ${describeStoreLocation(location)} (unless --database or SALESSCREEN_DATABASE_URL says otherwise). Run salesscreen db migrate to prepare it.\n`);
	return 0;
}

/**
 * `salesscreen db copy --to URL`: the SQLite store of this data folder into an empty PostgreSQL database,
 * all of it in one transaction. The SQLite file is left as it is.
 */
export async function dbCopyCommand(to: string, out: NodeJS.WritableStream): Promise<number> {
	const url = checkDatabaseUrl(to, '--to');
	const home = resolveAppHome();
	ensureAppHome(home);
	const source = openStore(home.databaseFile);
	try {
		await requireAdminIn(source, home.home, 'settings');
		const target = await openPostgresStore(url);
		try {
			const counts = await copyToPostgres(source, target).catch((error: unknown) => {
				throw postgresFailure(target.name, error);
			});
			const plain = url.replace(/^([^:]+:\/\/[^/@:]*):[^@/]*@/, '$1@').replace(/([?&])password=[^&]*&?/i, '$1');
			out.write(
				`Copied ${counts.people} people, ${counts.teams} teams, ${counts.salesforceLinks} Salesforce links, ${counts.manualChoices} manual choices, ${counts.importRuns} runs with ${counts.importOutcomes} outcomes and the sync state from ${home.databaseFile} to the ${target.name}, in one transaction.\nUse it from now on with: salesscreen db use ${plain}   (or SALESSCREEN_DATABASE_URL)\n`,
			);
		} finally {
			await target.close();
		}
	} finally {
		source.close();
	}

	return 0;
}
