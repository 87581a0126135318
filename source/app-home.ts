import fs from 'node:fs';
import path from 'node:path';
import envPaths from 'env-paths';

/** The one folder that holds everything the app keeps, and the files in it. */
export type AppHome = {home: string; databaseFile: string; settingsFile: string};

export function resolveAppHome(env: NodeJS.ProcessEnv = process.env): AppHome {
	const home = env.SALESSCREEN_HOME?.trim() ? path.resolve(env.SALESSCREEN_HOME) : envPaths('salesscreen', {suffix: ''}).data;
	return {home, databaseFile: path.join(home, 'salesscreen.db'), settingsFile: path.join(home, 'settings.json')};
}

/**
 * A data folder an admin set up for a group (chmod 2770: setgid, the group may read, write and enter it).
 * Then the files the app creates are the group's too, so every admin in it can use them.
 */
export function isSharedFolder(folder: string): boolean {
	try {
		const {mode} = fs.statSync(folder);
		return (mode & 0o2000) !== 0 && (mode & 0o070) === 0o070;
	} catch {
		return false;
	}
}

/** The mode of a file the app creates in the folder: its owner's alone, or also its group's in a shared folder. */
export function fileModeFor(folder: string): number {
	return isSharedFolder(folder) ? 0o660 : 0o600;
}

/** Creates the folder readable by its owner only: it holds who may administer SalesScreen, and tokens later. */
export function ensureAppHome(home: AppHome): void {
	fs.mkdirSync(home.home, {recursive: true, mode: 0o700});
}
