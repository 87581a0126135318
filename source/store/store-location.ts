import {UserFacingError} from '../core/user-facing-error.js';
import {parse as parseConnectionString} from 'pg-connection-string';

/** Which store the app and every command use: the SQLite file in the data folder (the default), or a PostgreSQL database. */
export type StoreLocation = {engine: 'sqlite'; file: string} | {engine: 'postgres'; url: string; source: 'environment' | 'setting'};

/** A database URL that cannot be used; the message says why in words and never repeats a password. */
export class DatabaseUrlError extends UserFacingError {
	override name = 'DatabaseUrlError';
}

export const databaseUrlVariable = 'SALESSCREEN_DATABASE_URL';

/** postgres:// or postgresql://, as libpq and every PostgreSQL tool write them. */
export function isPostgresUrl(value: string): boolean {
	return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** Checks a URL the user gave and returns it trimmed; refuses anything but a PostgreSQL URL. */
export function checkDatabaseUrl(value: string, from: string): string {
	const url = value.trim();
	if (!isPostgresUrl(url)) {
		throw new DatabaseUrlError(`${from} must be a PostgreSQL URL (postgres://user@host/database); "${redactDatabaseUrl(url)}" is not one.`);
	}

	try {
		const config = parseConnectionString(url, {useLibpqCompat: true});
		if (!config.database) {
			throw new DatabaseUrlError(`${from} names no database: write it after the host, as in postgres://user@host/salesscreen.`);
		}
	} catch (error: unknown) {
		if (error instanceof DatabaseUrlError) {
			throw error;
		}

		throw new DatabaseUrlError(`${from} cannot be read as a PostgreSQL URL (${redactDatabaseUrl(error instanceof Error ? error.message : String(error))}).`);
	}

	return url;
}

/**
 * The store to use: `--database` (the command line moves it into the environment), then
 * SALESSCREEN_DATABASE_URL, then the URL an admin saved in the settings, else the SQLite file.
 */
export function resolveStoreLocation(options: {databaseFile: string; env?: NodeJS.ProcessEnv; savedUrl?: string}): StoreLocation {
	const env = options.env ?? process.env;
	const fromEnvironment = env[databaseUrlVariable]?.trim();
	if (fromEnvironment) {
		return {engine: 'postgres', url: checkDatabaseUrl(fromEnvironment, `--database (or ${databaseUrlVariable})`), source: 'environment'};
	}

	if (options.savedUrl?.trim()) {
		return {engine: 'postgres', url: checkDatabaseUrl(options.savedUrl, 'The database URL saved in the settings'), source: 'setting'};
	}

	return {engine: 'sqlite', file: options.databaseFile};
}

/** The URL with its password replaced, fit to print; also hides a password given as ?password=. */
export function redactDatabaseUrl(text: string): string {
	return text
		.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@')
		.replace(/([?&]password=)[^&\s]*/gi, '$1***');
}

/** How the header and `status` name the store: host and database, never the password. */
export function describeStoreLocation(location: StoreLocation): string {
	if (location.engine === 'sqlite') {
		return `SQLite ${location.file}`;
	}

	const config = parseConnectionString(location.url, {useLibpqCompat: true});
	const host = config.host ?? 'localhost';
	const port = config.port && config.port !== '5432' ? `:${config.port}` : '';
	const user = config.user ? `${config.user}@` : '';
	return `PostgreSQL database ${config.database ?? ''} on ${user}${host}${port}`;
}
