import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {describe, expect, it} from 'vitest';
import {describeOnPostgres, freshPostgresDatabase} from '../support/postgres-database.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();
const newerMigration = Date.parse('2030-01-01');

describe('salesscreen db on the SQLite file', () => {
	it('says no migration is applied yet without creating the file, then migrates it, and names the file', async () => {
		const {home, env} = tempHome();
		const before = await runCli(['db', 'status'], env);
		expect([before.code, before.stdout]).toEqual([4, `Store: SQLite ${path.join(home, 'salesscreen.db')} (the default)\nSchema: no migrations applied yet (this salesscreen has 3, up to 0002_store_origin)\n`]);
		expect(fs.existsSync(path.join(home, 'salesscreen.db'))).toBe(false);

		const migrated = await runCli(['db', 'migrate'], env);
		expect([migrated.code, migrated.stdout]).toEqual([0, `Store: SQLite ${path.join(home, 'salesscreen.db')} (the default)\nSchema: 0002_store_origin (3 of 3 migrations): up to date\nApplied 3 migrations.\n`]);
		const status = await runCli(['db', 'status', '--json'], env);
		expect([status.code, JSON.parse(status.stdout)]).toEqual([0, expect.objectContaining({engine: 'sqlite', current: '0002_store_origin', applied: 3, known: 3, upToDate: true})]);
	});

	it('refuses a file a newer salesscreen migrated, in status and migrate alike, and leaves it as it was', async () => {
		const {home, env} = tempHome();
		expect((await runCli(['db', 'migrate'], env)).code).toBe(0);
		const file = path.join(home, 'salesscreen.db');
		const sqlite = new Database(file);
		sqlite.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('77aa0c93e1f4d2b6', newerMigration);
		sqlite.close();
		const bytes = fs.readFileSync(file);
		for (const action of ['status', 'migrate']) {
			// eslint-disable-next-line no-await-in-loop
			const result = await runCli(['db', action], env);
			expect([action, result.code, result.stdout]).toEqual([action, 1, '']);
			expect(result.stderr).toMatch(/^salesscreen: The SalesScreen database was made by a newer salesscreen \(migration 77aa0c93e1f4 of 2030-01-01, which this one does not know\).*Upgrade salesscreen\.\n$/);
		}

		expect(fs.readFileSync(file).equals(bytes)).toBe(true);
	});

	it('refuses --database without a PostgreSQL URL, and a command on a server it cannot reach says so without the password', async () => {
		const {env} = tempHome();
		const missing = await runCli(['db', 'status', '--database'], env);
		expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/--database needs a PostgreSQL URL/)]);
		const wrong = await runCli(['--database', 'mysql://root:hunter2@db/x', 'db', 'status'], env);
		expect([wrong.code, wrong.stderr]).toEqual([1, 'salesscreen: --database (or SALESSCREEN_DATABASE_URL) must be a PostgreSQL URL (postgres://user@host/database); "mysql://root:***@db/x" is not one.\n']);
		const history = await runCli(['history', '--database', 'postgres://app:hunter2@db.invalid/sales'], env);
		expect(history.code).toBe(1);
		expect(history.stderr).toMatch(/^salesscreen: The PostgreSQL database sales on app@db\.invalid cannot be reached .*Nothing was changed\.\n$/);
		expect(history.stderr).not.toContain('hunter2');
	});

	it('status names the store in use: the SQLite file, or PostgreSQL by host and database without the password', async () => {
		const {home, env} = tempHome();
		const onFile = await runCli(['status'], env);
		expect(onFile.stdout).toMatch(new RegExp(`\\nStore: SQLite ${path.join(home, 'salesscreen.db').replaceAll('.', '\\.')}\\n$`));
		expect(JSON.parse((await runCli(['status', '--json'], env)).stdout)).toMatchObject({store: {engine: 'sqlite', name: `SQLite ${path.join(home, 'salesscreen.db')}`}});

		const url = 'postgres://app:hunter2@db.invalid:6543/sales';
		const onPostgres = await runCli(['status', '--database', url], env);
		expect(onPostgres.stdout).toMatch(/\nStore: PostgreSQL database sales on app@db\.invalid:6543\n$/);
		const json = await runCli(['status', '--json', '--database', url], env);
		expect(JSON.parse(json.stdout)).toMatchObject({store: {engine: 'postgres', name: 'PostgreSQL database sales on app@db.invalid:6543'}});
		expect(onPostgres.stdout + onPostgres.stderr + json.stdout + json.stderr).not.toContain('hunter2');
	});

	it('saves a URL for every command without its password, and goes back to the file', async () => {
		const {home, env} = tempHome();
		const refused = await runCli(['db', 'use', 'postgres://app:hunter2@db.invalid/sales'], env);
		expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/does not save a password.*~\/\.pgpass/)]);
		expect(refused.stderr).not.toContain('hunter2');

		const saved = await runCli(['db', 'use', 'postgres://app@db.invalid/sales'], env);
		expect([saved.code, saved.stdout]).toEqual([0, expect.stringMatching(/^Every command now uses the PostgreSQL database sales on app@db\.invalid/)]);
		const status = await runCli(['db', 'status'], env);
		expect(status.stderr).toMatch(/^salesscreen: The PostgreSQL database sales on app@db\.invalid cannot be reached/);

		expect((await runCli(['db', 'use', 'sqlite'], env)).code).toBe(0);
		const back = await runCli(['db', 'status'], env);
		expect([back.code, back.stdout]).toEqual([0, expect.stringContaining(`Store: SQLite ${path.join(home, 'salesscreen.db')} (the default)\n`)]);
	});
});

describeOnPostgres('salesscreen db', () => {
	async function tablesOf(url: string): Promise<string[]> {
		const client = new pg.Client({connectionString: url});
		await client.connect();
		try {
			return (await client.query<{name: string}>("select table_name as name from information_schema.tables where table_schema = 'public' order by 1")).rows.map((row) => row.name);
		} finally {
			await client.end();
		}
	}

	it('shows, then applies, the migrations of an empty database, naming it without the password', async () => {
		const {env} = tempHome();
		const url = new URL(await freshPostgresDatabase());
		url.username = 'postgres';
		url.password = 'hunter2';
		const database = url.pathname.slice(1);
		const before = await runCli(['db', 'status', '--database', url.href], env);
		expect([before.code, before.stdout]).toEqual([4, expect.stringMatching(new RegExp(`^Store: PostgreSQL database ${database} on postgres@/.*\\nSchema: no migrations applied yet \\(this salesscreen has 2, up to 0001_store_origin\\)\\n$`))]);

		// Two instances starting at once: one migrates, the other waits for it and finds nothing to do.
		const both = await Promise.all([runCli(['db', 'migrate', '--json'], {...env, SALESSCREEN_DATABASE_URL: url.href}), runCli(['db', 'migrate', '--json'], {...env, SALESSCREEN_DATABASE_URL: url.href})]);
		expect(both.map((result) => [result.code, result.stderr])).toEqual([[0, ''], [0, '']]);
		expect(both.map((result) => JSON.parse(result.stdout).upToDate)).toEqual([true, true]);
		expect(await tablesOf(url.href)).toEqual(['import_outcomes', 'import_runs', 'manual_choices', 'people', 'salesforce_links', 'store_origin', 'sync_state', 'teams']);

		const after = await runCli(['db', 'status'], {...env, SALESSCREEN_DATABASE_URL: url.href});
		expect([after.code, after.stdout]).toEqual([0, expect.stringContaining('Schema: 0001_store_origin (2 of 2 migrations): up to date\n')]);
		for (const result of [before, ...both, after]) {
			expect(result.stdout + result.stderr).not.toContain('hunter2');
		}
	});

	it('honours sslmode: require against a server without TLS is refused, not sent in plain text', async () => {
		const {env} = tempHome();
		const url = await freshPostgresDatabase();
		const withSslmode = (mode: string) => {
			const parsed = new URL(url);
			parsed.searchParams.set('sslmode', mode);
			return parsed.href;
		};

		for (const withMode of [{...env, SALESSCREEN_DATABASE_URL: withSslmode('require')}, {...env, SALESSCREEN_DATABASE_URL: url, PGSSLMODE: 'require'}]) {
			// eslint-disable-next-line no-await-in-loop
			const result = await runCli(['db', 'status'], withMode);
			expect([result.code, result.stderr]).toEqual([1, expect.stringMatching(/could not be reached over TLS as sslmode asks \(The server does not support SSL connections\)/)]);
		}

		expect((await runCli(['db', 'status'], {...env, SALESSCREEN_DATABASE_URL: withSslmode('disable')})).code).toBe(4);
	});

	it('refuses a database a newer salesscreen migrated, and writes nothing to it', async () => {
		const {env} = tempHome();
		const url = await freshPostgresDatabase();
		const withUrl = {...env, SALESSCREEN_DATABASE_URL: url};
		expect((await runCli(['db', 'migrate'], withUrl)).code).toBe(0);
		const client = new pg.Client({connectionString: url});
		await client.connect();
		try {
			await client.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', ['77aa0c93e1f4d2b6', newerMigration]);
			await client.query('drop table store_origin');
			for (const action of ['status', 'migrate']) {
				// eslint-disable-next-line no-await-in-loop
				const result = await runCli(['db', action], withUrl);
				expect([action, result.code, result.stdout]).toEqual([action, 1, '']);
				expect(result.stderr).toMatch(/^salesscreen: The PostgreSQL database \S+ on .* was made by a newer salesscreen \(migration 77aa0c93e1f4 of 2030-01-01, which this one does not know\).*Upgrade salesscreen\.\n$/);
			}

			// migrate did not put back the table the newer version had dropped.
			expect((await client.query("select to_regclass('public.store_origin') as present")).rows[0].present).toBeNull();
		} finally {
			await client.end();
		}
	});

	async function rowsOf(url: string, query: string): Promise<unknown[]> {
		const client = new pg.Client({connectionString: url});
		await client.connect();
		try {
			return (await client.query(query)).rows;
		} finally {
			await client.end();
		}
	}

	it('copies the SQLite store into an empty database in one transaction, and refuses one with rows', async () => {
		const {home, env} = tempHome();
		const imported = await runCli(['import', '--all', '--demo-users', '40'], env);
		expect(imported.code, imported.stderr).toBe(0);
		const sqlite = new Database(path.join(home, 'salesscreen.db'), {readonly: true});
		const people = sqlite.prepare('select id, email_normalised as email, active, deactivated_by_sync as bySync from people order by id').all() as Array<{id: number; email: string; active: number; bySync: number}>;
		const links = sqlite.prepare('select count(*) as n from salesforce_links').get() as {n: number};
		const outcomes = sqlite.prepare('select count(*) as n from import_outcomes').get() as {n: number};
		sqlite.close();
		expect(links.n).toBeGreaterThan(30);

		const url = await freshPostgresDatabase();
		const copied = await runCli(['db', 'copy', '--to', url], env);
		expect([copied.code, copied.stderr]).toEqual([0, '']);
		expect(copied.stdout).toMatch(new RegExp(`^Copied ${people.length} people, 0 teams, ${links.n} Salesforce links, 0 manual choices, 1 runs with ${outcomes.n} outcomes and the sync state from `));
		expect(await rowsOf(url, 'select id, email_normalised as email, active, deactivated_by_sync as "bySync" from people order by id')).toEqual(
			people.map((person) => ({...person, active: person.active === 1, bySync: person.bySync === 1})),
		);
		expect(await rowsOf(url, 'select count(*)::int as n from salesforce_links')).toEqual([{n: links.n}]);
		expect(await rowsOf(url, "select org_is_demo as demo from store_origin")).toEqual([{demo: true}]);
		// A person made on PostgreSQL later gets an id after the copied ones.
		expect(await rowsOf(url, "insert into people (name, email, email_normalised, origin) values ('New', 'new@example.com', 'new@example.com', 'manual') returning id")).toEqual([{id: people.at(-1)!.id + 1}]);

		const again = await runCli(['db', 'copy', '--to', url], env);
		expect([again.code, again.stdout]).toEqual([1, '']);
		expect(again.stderr).toMatch(/is not empty \(\d+ in people, \d+ in import_runs, .*\); db copy fills only an empty database, so nothing was copied/);
		expect(await rowsOf(url, 'select count(*)::int as n from people')).toEqual([{n: people.length + 1}]);
	});
});
