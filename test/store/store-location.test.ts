import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {is} from 'drizzle-orm';
import {getTableConfig as pgTableConfig, PgTable} from 'drizzle-orm/pg-core';
import {getTableConfig as sqliteTableConfig, SQLiteTable} from 'drizzle-orm/sqlite-core';
import {describe, expect, it} from 'vitest';
import * as postgresSchema from '../../source/store/postgres-schema.js';
import {passwordFromPgpass, resolvePostgresPassword} from '../../source/store/postgres-password.js';
import * as sqliteSchema from '../../source/store/schema.js';
import {DatabaseUrlError, describeStoreLocation, redactDatabaseUrl, resolveStoreLocation} from '../../source/store/store-location.js';

describe('choosing the store', () => {
	const databaseFile = '/data/salesscreen.db';

	it('is the SQLite file unless a URL is given; the environment (or --database) wins over the saved setting', () => {
		expect(resolveStoreLocation({databaseFile, env: {}})).toEqual({engine: 'sqlite', file: databaseFile});
		expect(resolveStoreLocation({databaseFile, env: {}, savedUrl: 'postgres://app@saved/ss'})).toEqual({engine: 'postgres', url: 'postgres://app@saved/ss', source: 'setting'});
		expect(resolveStoreLocation({databaseFile, env: {SALESSCREEN_DATABASE_URL: ' postgresql://app@env/ss '}, savedUrl: 'postgres://app@saved/ss'})).toEqual({
			engine: 'postgres',
			url: 'postgresql://app@env/ss',
			source: 'environment',
		});
	});

	it('refuses what is not a PostgreSQL URL with a database, without repeating a password', () => {
		expect(() => resolveStoreLocation({databaseFile, env: {SALESSCREEN_DATABASE_URL: 'mysql://root:hunter2@db/x'}})).toThrow(DatabaseUrlError);
		expect(() => resolveStoreLocation({databaseFile, env: {SALESSCREEN_DATABASE_URL: 'mysql://root:hunter2@db/x'}})).toThrow(/must be a PostgreSQL URL.*mysql:\/\/root:\*\*\*@db\/x/);
		expect(() => resolveStoreLocation({databaseFile, env: {SALESSCREEN_DATABASE_URL: 'postgres://root:hunter2@db'}})).toThrow(/names no database/);
	});

	it('is named by host and database, never the password', () => {
		expect(describeStoreLocation({engine: 'postgres', url: 'postgres://app:hunter2@db.example.com:6432/sales?sslmode=require', source: 'environment'})).toBe(
			'PostgreSQL database sales on app@db.example.com:6432',
		);
		expect(describeStoreLocation({engine: 'postgres', url: 'postgres://db.example.com/sales', source: 'setting'})).toBe('PostgreSQL database sales on db.example.com');
		expect(redactDatabaseUrl('at postgres://app:hunter2@db/sales and postgres://db/x?user=a&password=hunter2')).toBe('at postgres://app:***@db/sales and postgres://db/x?user=a&password=***');
	});
});

describe('the PostgreSQL password', () => {
	const target = {host: 'db.example.com', port: '5432', database: 'sales', user: 'app'};

	function pgpass(text: string, mode = 0o600): NodeJS.ProcessEnv {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-pgpass-'));
		const file = path.join(folder, 'pgpass');
		fs.writeFileSync(file, text, {mode});
		fs.chmodSync(file, mode);
		return {PGPASSFILE: file};
	}

	it('is the first matching line of the password file, with * and escaped colons', () => {
		const env = pgpass('# comment\nother.example.com:*:*:app:wrong\ndb.example.com:5432:*:app:pa\\:ss\n*:*:*:*:fallback\n');
		expect(passwordFromPgpass(target, env)).toBe('pa:ss');
		expect(passwordFromPgpass({...target, user: 'someone'}, env)).toBe('fallback');
	});

	it('comes from the URL first, then PGPASSWORD, then the file', () => {
		const env = pgpass('*:*:*:*:from-file\n');
		expect(resolvePostgresPassword({...target, password: 'from-url'}, {...env, PGPASSWORD: 'from-env'})).toBe('from-url');
		expect(resolvePostgresPassword(target, {...env, PGPASSWORD: 'from-env'})).toBe('from-env');
		expect(resolvePostgresPassword(target, env)).toBe('from-file');
		expect(resolvePostgresPassword(target, {PGPASSFILE: '/nonexistent/pgpass'})).toBeUndefined();
	});

	it('is not read from a password file others may read, as libpq does, and says why', () => {
		const warnings: string[] = [];
		expect(passwordFromPgpass(target, pgpass('*:*:*:*:secret\n', 0o644), (message) => warnings.push(message))).toBeUndefined();
		expect(warnings.join('')).toMatch(/may be read by others, so it was not used \(chmod 0600 it\)/);
	});
});

describe('the PostgreSQL schema', () => {
	const shape = (tables: Array<{name: string; columns: Array<{name: string; notNull: boolean; primary: boolean; isUnique: boolean}>}>) =>
		Object.fromEntries(tables.map((table) => [table.name, table.columns.map((column) => `${column.name}${column.notNull ? ' not null' : ''}${column.primary ? ' pk' : ''}${column.isUnique ? ' unique' : ''}`).sort()]));

	it('has the same tables, columns and constraints as the SQLite one', () => {
		const sqlite = shape(Object.values(sqliteSchema).filter((value) => is(value, SQLiteTable)).map((table) => sqliteTableConfig(table as never)));
		const postgres = shape(Object.values(postgresSchema).filter((value) => is(value, PgTable)).map((table) => pgTableConfig(table as never)));
		expect(postgres).toEqual(sqlite);
	});
});
