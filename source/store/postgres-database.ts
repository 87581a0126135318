import os from 'node:os';
import {fileURLToPath} from 'node:url';
import {is} from 'drizzle-orm';
import {drizzle, type NodePgDatabase} from 'drizzle-orm/node-postgres';
import {migrate} from 'drizzle-orm/node-postgres/migrator';
import {getTableConfig, PgTable} from 'drizzle-orm/pg-core';
import pg from 'pg';
import {parse as parseConnectionString} from 'pg-connection-string';
import {StoreOpenError} from './database.js';
import * as schema from './postgres-schema.js';
import {resolvePostgresPassword, type PasswordTarget} from './postgres-password.js';
import {judgeSchemaVersion, knownMigrations, newerSchemaMessage, type AppliedMigration, type SchemaVersion} from './schema-version.js';
import {describeStoreLocation, redactDatabaseUrl} from './store-location.js';

export type PostgresStore = {
	db: NodePgDatabase<typeof schema>;
	pool: pg.Pool;
	/** Host and database, never the password: for the header, `status` and every message. */
	name: string;
	close: () => Promise<void>;
};

// Beside SQLite's migrations (drizzle/), from both source/store/ and dist/store/.
const migrationsFolder = fileURLToPath(new URL('../../drizzle/postgres', import.meta.url));
const migrationsSchema = 'drizzle';
const migrationsTable = '__drizzle_migrations';
// One key for every salesscreen: two instances starting at once migrate one after the other.
const migrationLockKey = 0x5a1e_5c4e;

class PasswordMissingError extends Error {}

/** Where the URL points, with libpq's defaults (PGHOST, PGPORT, PGUSER, then localhost, 5432, the OS account). */
function targetOf(url: string, env: NodeJS.ProcessEnv): PasswordTarget & {config: ReturnType<typeof parseConnectionString>} {
	// PGSSLMODE, as libpq reads it, when the URL does not say; node-postgres alone would treat require as verify-full.
	const withMode = env.PGSSLMODE?.trim() && !/[?&]sslmode=/i.test(url) ? `${url}${url.includes('?') ? '&' : '?'}sslmode=${encodeURIComponent(env.PGSSLMODE.trim())}` : url;
	const config = parseConnectionString(withMode, {useLibpqCompat: true});
	return {
		config,
		host: config.host || env.PGHOST || 'localhost',
		port: String(config.port || env.PGPORT || '5432'),
		database: config.database || env.PGDATABASE || '',
		user: config.user || env.PGUSER || os.userInfo().username,
		...(config.password ? {password: config.password} : {}),
	};
}

/**
 * A pool for the URL. The password is looked up as libpq does (URL, PGPASSWORD, ~/.pgpass) by us, not by
 * node-postgres's own deprecated pgpass fallback, and only when the server asks for one. `sslmode` follows
 * libpq's meaning (require encrypts without checking the certificate; verify-full checks it and the host).
 */
export function postgresPool(url: string, env: NodeJS.ProcessEnv = process.env, warn: (message: string) => void = (message) => process.stderr.write(`salesscreen: ${message}\n`)): pg.Pool {
	const target = targetOf(url, env);
	const {config} = target;
	const pool = new pg.Pool({
		host: target.host,
		port: Number(target.port),
		database: target.database,
		user: target.user,
		...(config.ssl === undefined ? {} : {ssl: config.ssl as pg.ClientConfig['ssl']}),
		...(config.application_name ? {} : {application_name: 'salesscreen'}),
		connectionTimeoutMillis: 15_000,
		max: 4,
		async password() {
			const password = resolvePostgresPassword(target, env, warn);
			if (password === undefined) {
				throw new PasswordMissingError('no password');
			}

			return password;
		},
	});
	// A connection the server drops while it is checked out, between two queries of a transaction, is told
	// to the client alone, and an error event nobody listens to ends the process with a stack trace: the
	// next query on it fails instead, and says so.
	pool.on('connect', (client) => {
		client.on('error', () => {});
	});
	return pool;
}

function codeOf(error: unknown): string {
	return typeof error === 'object' && error !== null && typeof (error as {code?: unknown}).code === 'string' ? (error as {code: string}).code : '';
}

/** What went wrong reaching or using the server, in words, naming the store but never its password. */
export function postgresFailure(name: string, error: unknown): StoreOpenError {
	if (error instanceof StoreOpenError) {
		return error;
	}

	const code = codeOf(error);
	const reason = redactDatabaseUrl(error instanceof Error ? error.message : String(error));
	if (error instanceof PasswordMissingError || /client password must be a string/i.test(reason)) {
		return new StoreOpenError(
			`The ${name} asks for a password, and none was given: put it in ~/.pgpass (chmod 0600), in PGPASSWORD, or in the URL.`,
			'permission-denied',
		);
	}

	if (code === '28P01' || code === '28000') {
		return new StoreOpenError(`The ${name} refused the login (${reason}). Check the user and its password (URL, PGPASSWORD or ~/.pgpass).`, 'permission-denied');
	}

	if (code === '3D000') {
		return new StoreOpenError(`The ${name} does not exist on its server (${reason}). Create it first, e.g. createdb, then run salesscreen db migrate.`, 'other');
	}

	if (code === '42501') {
		return new StoreOpenError(`The ${name} does not let this user do that (${reason}). Ask its owner to grant the user rights on the database.`, 'permission-denied');
	}

	if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '57P03' || /timeout/i.test(reason)) {
		return new StoreOpenError(`The ${name} cannot be reached (${reason}): is the server running, and is the host right? Nothing was changed.`, 'other');
	}

	if (/^(57P01|57P02|08)/.test(code) || code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated|not queryable/i.test(reason)) {
		return new StoreOpenError(
			`The ${name} could not be reached: its server stopped, or the connection to it broke, while salesscreen was using it (${reason}); what was under way was not written. Run it again when the server is back.`,
			'other',
		);
	}

	if (/ssl|tls|certificate/i.test(reason)) {
		return new StoreOpenError(`The ${name} could not be reached over TLS as sslmode asks (${reason}).`, 'other');
	}

	return new StoreOpenError(`The ${name} cannot be used (${reason}). It was left as it is.`, 'other');
}

/** The schema version of the database: read only, nothing created. */
export async function postgresSchemaVersion(client: pg.ClientBase | pg.Pool): Promise<SchemaVersion> {
	const exists = await client.query<{present: string | null}>('select to_regclass($1) as present', [`${migrationsSchema}.${migrationsTable}`]);
	const applied =
		exists.rows[0]?.present === null || exists.rows[0] === undefined
			? []
			: (await client.query<AppliedMigration>(`select hash, created_at as "createdAt" from "${migrationsSchema}"."${migrationsTable}" order by created_at`)).rows;
	return judgeSchemaVersion(knownMigrations(migrationsFolder), applied);
}

async function checkExpectedSchema(client: pg.ClientBase): Promise<void> {
	const result = await client.query<{table: string; column: string}>(
		"select table_name as table, column_name as column from information_schema.columns where table_schema = current_schema()",
	);
	const present = new Set(result.rows.map((row) => `${row.table}.${row.column}`));
	const tables = new Set(result.rows.map((row) => row.table));
	const missing: string[] = [];
	for (const value of Object.values(schema)) {
		if (!is(value, PgTable)) {
			continue;
		}

		const config = getTableConfig(value);
		if (!tables.has(config.name)) {
			missing.push(`table ${config.name}`);
			continue;
		}

		missing.push(...config.columns.filter((column) => !present.has(`${config.name}.${column.name}`)).map((column) => `${config.name}.${column.name}`));
	}

	if (missing.length > 0) {
		throw new StoreOpenError(
			`The database does not have the tables this salesscreen expects (missing ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}); nothing was changed. Was it made by another version? Use the salesscreen that made it, or restore it from a backup.`,
			'unexpected-schema',
		);
	}
}

/**
 * Opens the PostgreSQL store at the URL and, unless `migrate` is false, brings its schema up to date under
 * an advisory lock, so that instances starting together migrate one at a time (each migration run is one
 * transaction: a killed process leaves the schema as before). A database some newer salesscreen migrated
 * is refused before anything is written to it.
 */
export async function openPostgresStore(url: string, options: {migrate?: boolean; env?: NodeJS.ProcessEnv} = {}): Promise<PostgresStore> {
	const name = describeStoreLocation({engine: 'postgres', url, source: 'environment'});
	const pool = postgresPool(url, options.env);
	// An idle connection the server drops (a restart) must not crash the process; the next query says so.
	pool.on('error', () => {});
	try {
		const client = await pool.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
			try {
				const version = await postgresSchemaVersion(client);
				if (version.unknown.length > 0) {
					throw new StoreOpenError(newerSchemaMessage(`The ${name}`, version.unknown), 'newer-version');
				}

				if (options.migrate !== false && version.applied < version.known) {
					await migrate(drizzle(client), {migrationsFolder, migrationsSchema, migrationsTable});
				}

				if (options.migrate !== false || version.applied > 0) {
					await checkExpectedSchema(client);
				}
			} finally {
				await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
			}
		} finally {
			client.release();
		}
	} catch (error: unknown) {
		await pool.end().catch(() => {});
		throw postgresFailure(name, error);
	}

	return {db: drizzle(pool, {schema}), pool, name, close: async () => pool.end()};
}
