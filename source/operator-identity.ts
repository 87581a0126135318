import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The OS login running this process: the truth about who operates the app. */
export function osLogin(): string {
	try {
		return os.userInfo().username;
	} catch {
		return process.env.USER ?? process.env.USERNAME ?? 'unknown';
	}
}

export type OperatorIdentity = {
	/** Who the app acts for: the OS login, or SALESSCREEN_OPERATOR where that is honoured. */
	login: string;
	/**
	 * This process runs as the account that owns the store: the database file itself, symlinks resolved (the
	 * data folder's real path before the file exists). That is the account a scheduled sync runs as.
	 */
	ownsDataFolder: boolean;
	/** The login came from SALESSCREEN_OPERATOR rather than from the OS. */
	fromEnvironment: boolean;
};

/**
 * Whether this process's account owns the store. Decided by the database file, followed through symlinks,
 * not by the folder SALESSCREEN_HOME names: anyone can name a folder of their own holding a symlink to a
 * shared database, and must not gain the owner's standing by it.
 */
function ownsStore(folder: string): boolean {
	const uid = process.getuid?.();
	if (uid === undefined) {
		return false;
	}

	const database = path.join(folder, 'salesscreen.db');
	try {
		// lstat first: a dangling symlink is no database of this account's either.
		if (fs.lstatSync(database, {throwIfNoEntry: false}) !== undefined) {
			return fs.statSync(fs.realpathSync(database)).uid === uid;
		}

		return fs.statSync(fs.realpathSync(folder)).uid === uid;
	} catch {
		return false;
	}
}

/**
 * Who runs the app. SALESSCREEN_OPERATOR (for tests and for trying the admin rule) is honoured only for
 * the account that owns the database file (see ownsStore): that account can write it directly anyway, so
 * acting under another name gives it nothing; everyone else is always their OS login.
 */
export function resolveOperator(dataFolder: string, env: NodeJS.ProcessEnv = process.env): OperatorIdentity {
	const ownsDataFolder = ownsStore(dataFolder);
	const override = env.SALESSCREEN_OPERATOR?.trim();
	if (override && ownsDataFolder) {
		return {login: override, ownsDataFolder, fromEnvironment: true};
	}

	return {login: osLogin(), ownsDataFolder, fromEnvironment: false};
}
