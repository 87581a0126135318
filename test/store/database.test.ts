import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore, StoreOpenError} from '../../source/store/database.js';
import {makeTempHome} from '../support/temp-home.js';
import {openTempStore} from '../support/temp-store.js';

const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) {
		dispose();
	}
});

describe('openStore', () => {
	it('applies the migrations to an empty file, in WAL mode, readable by its owner only', () => {
		const {store, file, dispose} = openTempStore();
		disposers.push(dispose);
		const tables = (store.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like '%sqlite%' order by name").all() as Array<{name: string}>).map(
			(row) => row.name,
		);
		expect(tables).toEqual(expect.arrayContaining(['import_outcomes', 'import_runs', 'people', 'salesforce_links', 'teams']));
		expect(store.sqlite.pragma('journal_mode', {simple: true})).toBe('wal');
		expect(store.sqlite.pragma('foreign_keys', {simple: true})).toBe(1);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
	});

	it('opens the same file again without migrating twice', () => {
		const {store, file, dispose} = openTempStore();
		disposers.push(dispose);
		store.sqlite.prepare("insert into people (name, email, email_normalised, origin) values ('A', 'a@x.io', 'a@x.io', 'manual')").run();
		const again = openStore(file);
		expect((again.sqlite.prepare('select count(*) as n from people').get() as {n: number}).n).toBe(1);
		again.close();
	});

	it('refuses a second person with the same email in another case, in the schema itself', () => {
		const {store, dispose} = openTempStore();
		disposers.push(dispose);
		const insert = store.sqlite.prepare("insert into people (name, email, email_normalised, origin) values (?, ?, ?, 'manual')");
		insert.run('Ann', 'Ann@Acme.com', 'ann@acme.com');
		expect(() => insert.run('Ann again', 'ANN@acme.com', 'ann@acme.com')).toThrow(/UNIQUE constraint failed: people.email_normalised/);
	});

	it('reports a file that is not a database with its path, and leaves it untouched', () => {
		const temp = makeTempHome();
		disposers.push(temp.remove);
		const file = path.join(temp.home, 'salesscreen.db');
		const bytes = Buffer.from('this is not a SQLite database, but somebody may need it\n'.repeat(100));
		fs.writeFileSync(file, bytes);
		let failure: unknown;
		try {
			openStore(file);
		} catch (error: unknown) {
			failure = error;
		}

		expect(failure).toBeInstanceOf(StoreOpenError);
		expect((failure as Error).message).toContain(file);
		expect((failure as Error).message).toMatch(/move it aside/);
		expect(fs.readFileSync(file).equals(bytes)).toBe(true);
	});
});

describe('the data folder made by the binary', () => {
	it('keeps the database, its write-ahead files and the settings readable by their owner only', async () => {
		const {runCli} = await import('../support/run-cli.js');
		const temp = makeTempHome();
		disposers.push(temp.remove);
		const home = path.join(temp.home, 'nested');
		await runCli(['settings', 'set', 'auto-sync', 'off'], {...temp.env, SALESSCREEN_HOME: home});
		await runCli(['import', '--demo-users', '300', '--all', '--dry-run'], {...temp.env, SALESSCREEN_HOME: home});
		expect(fs.statSync(home).mode & 0o777).toBe(0o700);
		for (const name of fs.readdirSync(home)) {
			expect([name, fs.statSync(path.join(home, name)).mode & 0o077]).toEqual([name, 0]);
		}
	});
});
