import fs from 'node:fs';
import type {AppHome} from './app-home.js';
import {resolveStoreLocation, type StoreLocation} from './store/store-location.js';

/**
 * The URL an admin saved with `salesscreen db use`, read straight from the settings file: this runs before
 * every command, and before the app's first frame, so it loads neither conf nor the store. A file that
 * cannot be read is reported, with what to do, by whatever reads the settings next.
 */
function savedDatabaseUrl(home: AppHome): string {
	try {
		const saved = (JSON.parse(fs.readFileSync(home.settingsFile, 'utf8')) as {databaseUrl?: unknown}).databaseUrl;
		return typeof saved === 'string' ? saved : '';
	} catch {
		return '';
	}
}

/**
 * The store this run uses: --database / SALESSCREEN_DATABASE_URL, else the URL an admin saved with
 * `salesscreen db use`, else the SQLite file in the data folder.
 */
export function selectStore(home: AppHome, env: NodeJS.ProcessEnv = process.env): StoreLocation {
	return resolveStoreLocation({databaseFile: home.databaseFile, env, savedUrl: env.SALESSCREEN_DATABASE_URL?.trim() ? '' : savedDatabaseUrl(home)});
}
