import fs from 'node:fs';
import os from 'node:os';

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
	/** This process runs as the account that owns the data folder, the one a scheduled sync runs as. */
	ownsDataFolder: boolean;
	/** The login came from SALESSCREEN_OPERATOR rather than from the OS. */
	fromEnvironment: boolean;
};

function ownsFolder(folder: string): boolean {
	const uid = process.getuid?.();
	if (uid === undefined) {
		return false;
	}

	try {
		return fs.statSync(folder).uid === uid;
	} catch {
		return false;
	}
}

/**
 * Who runs the app. SALESSCREEN_OPERATOR (for tests and for trying the admin rule) is honoured only for
 * the account that owns the data folder: that account can write the database file directly anyway, so
 * acting under another name gives it nothing; everyone else is always their OS login.
 */
export function resolveOperator(dataFolder: string, env: NodeJS.ProcessEnv = process.env): OperatorIdentity {
	const ownsDataFolder = ownsFolder(dataFolder);
	const override = env.SALESSCREEN_OPERATOR?.trim();
	if (override && ownsDataFolder) {
		return {login: override, ownsDataFolder, fromEnvironment: true};
	}

	return {login: osLogin(), ownsDataFolder, fromEnvironment: false};
}
