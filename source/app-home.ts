import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

/** The one folder that holds everything the app keeps, and the files in it. */
export type AppHome = {home: string; databaseFile: string; settingsFile: string};

export function resolveAppHome(env: NodeJS.ProcessEnv = process.env): AppHome {
	const home = env.SALESSCREEN_HOME?.trim() ? path.resolve(env.SALESSCREEN_HOME) : envPaths('salesscreen', {suffix: ''}).data;
	return {home, databaseFile: path.join(home, 'salesscreen.db'), settingsFile: path.join(home, 'settings.json')};
}

/** Creates the folder readable by its owner only: it holds who may administer SalesScreen, and tokens later. */
export function ensureAppHome(home: AppHome): void {
	fs.mkdirSync(home.home, {recursive: true, mode: 0o700});
}
