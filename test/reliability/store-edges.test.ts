import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {noSecondAccount, noTmpfs, throwawayAccount, tinyTmpfs} from '../support/os-account.js';
import {runCli} from '../support/run-cli.js';
import {readStore} from '../support/read-store.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();
const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		cleanup();
	}
});

function writeStore(home: string, sql: string): void {
	const database = new Database(path.join(home, 'salesscreen.db'));
	try {
		database.exec(sql);
	} finally {
		database.close();
	}
}

const count = (home: string, table: string) => readStore<{n: number}>(home, `select count(*) as n from ${table}`)[0]!.n;

/** A store with people imported from the demo org, and one run that undo could reverse. */
async function importedStore(home?: string) {
	const temp = tempHome();
	const env = home === undefined ? temp.env : {...temp.env, SALESSCREEN_HOME: home};
	const imported = await runCli(['import', '--all', '--demo-users', '40'], env);
	expect(imported.code, imported.stderr).toBe(0);
	return {home: home ?? temp.home, env};
}

describe('a store from a newer salesscreen', () => {
	it('is refused for reading and for writing, and left exactly as it was', async () => {
		const {home, env} = await importedStore();
		writeStore(home, `insert into __drizzle_migrations (hash, created_at) values ('9f1c2e7d0b4a6c58e3f1', ${Date.parse('2030-01-01')})`);
		const people = count(home, 'people');
		const runs = count(home, 'import_runs');
		const bytes = fs.readFileSync(path.join(home, 'salesscreen.db'));

		for (const args of [['history'], ['undo'], ['import', '--all'], ['admin', 'list'], ['settings', 'set', 'auto-sync', 'on']]) {
			// eslint-disable-next-line no-await-in-loop
			const result = await runCli(args, env);
			expect([args, result.code]).toEqual([args, 1]);
			expect(result.stderr).toMatch(/made by a newer salesscreen \(migration 9f1c2e7d0b4a of 2030-01-01, which this one does not know\).*Upgrade salesscreen\.\n$/);
			expect(result.stderr).not.toMatch(/move it aside/);
		}

		expect(count(home, 'people')).toBe(people);
		expect(count(home, 'import_runs')).toBe(runs);
		expect(fs.readFileSync(path.join(home, 'salesscreen.db')).equals(bytes)).toBe(true);
	});

	it('without the expected columns is refused before anything is written', async () => {
		const {home, env} = await importedStore();
		writeStore(home, 'alter table people drop column title');
		const runs = count(home, 'import_runs');

		const result = await runCli(['import', '--all'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/does not have the tables this salesscreen expects \(missing people\.title\)/);
		expect(count(home, 'import_runs')).toBe(runs);
	});
});

describe('a store that cannot be opened says why, and only a damaged one is worth moving aside', () => {
	it('a damaged file', async () => {
		const {home, env} = tempHome();
		fs.writeFileSync(path.join(home, 'salesscreen.db'), 'not a database\n'.repeat(400));
		const result = await runCli(['history'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/is damaged \(.+\)\. It was left as it is: restore it from a backup, or move it aside/);
	});

	it.skipIf(noSecondAccount !== undefined)(`permission denied for another account${noSecondAccount ? ` (skipped: ${noSecondAccount})` : ''}`, async () => {
		const {home} = await importedStore();
		fs.chmodSync(home, 0o755);
		const stranger = throwawayAccount();
		cleanups.push(stranger.remove);
		const result = await stranger.run(['history'], {SALESSCREEN_HOME: home, PATH: process.env.PATH});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/salesscreen may not open the SalesScreen database .+ \(permission denied for this account\)/);
		expect(result.stderr).not.toMatch(/move it aside/);
	});

	it.skipIf(noTmpfs !== undefined)(`a read-only file system${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`, async () => {
		const mount = tinyTmpfs('4m');
		cleanups.push(mount.remove);
		const home = path.join(mount.folder, 'home');
		const {env} = await importedStore(home);
		mount.readOnly();
		const result = await runCli(['import', '--all', '--demo-users', '40'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/cannot be written here \(.+\): the file system is mounted read-only/);
		expect(result.stderr).not.toMatch(/move it aside/);
	});

	it.skipIf(noTmpfs !== undefined)(`a full disk${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`, async () => {
		const mount = tinyTmpfs('2m');
		cleanups.push(mount.remove);
		const home = path.join(mount.folder, 'home');
		const {env} = await importedStore(home);
		// A checkpoint moves the write-ahead log into the file and empties it, so the next writer needs new room.
		writeStore(home, 'pragma wal_checkpoint(truncate)');
		mount.fill();
		const result = await runCli(['settings', 'set', 'auto-sync', 'on'], env).then(async () => runCli(['import', '--all', '--demo-users', '400'], env));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/is full/);
		expect(result.stderr).not.toMatch(/move it aside/);
	});
});
