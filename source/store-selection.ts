import fs from 'node:fs';
import {resolveAppHome, type AppHome} from './app-home.js';
import {StoreOpenError} from './store/database.js';
import {openSettings, SettingsFileError} from './settings/settings.js';
import {describeStoreLocation, resolveStoreLocation, type StoreLocation} from './store/store-location.js';

/**
 * The store this run uses: --database / SALESSCREEN_DATABASE_URL, else the URL an admin saved with
 * `salesscreen db use`, else the SQLite file in the data folder.
 */
export function selectStore(home: AppHome, env: NodeJS.ProcessEnv = process.env): StoreLocation {
	let savedUrl = '';
	// Only an existing settings file is read: opening one with conf would create it.
	if (!env.SALESSCREEN_DATABASE_URL?.trim() && fs.existsSync(home.settingsFile)) {
		try {
			savedUrl = openSettings(home.home).get('databaseUrl');
		} catch (error: unknown) {
			// An unreadable settings file is reported, with what to do, by whatever reads settings next.
			if (!(error instanceof SettingsFileError)) {
				throw error;
			}
		}
	}

	return resolveStoreLocation({databaseFile: home.databaseFile, env, savedUrl});
}

/**
 * Until every use case has its PostgreSQL adapter, a command that would read or write the SQLite file while
 * PostgreSQL is chosen says so rather than quietly using the wrong store.
 */
export function refuseUntilOnPostgres(what: string, env: NodeJS.ProcessEnv = process.env): void {
	const location = selectStore(resolveAppHome(env), env);
	if (location.engine === 'postgres') {
		throw new StoreOpenError(
			`The ${describeStoreLocation(location)} is chosen, but ${what} works only on the SQLite store in this version of salesscreen; salesscreen db status and db migrate work on both. Unset SALESSCREEN_DATABASE_URL (or run salesscreen db use sqlite) to use the SQLite file.`,
			'other',
		);
	}
}
