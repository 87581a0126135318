import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/database.js';
import {runCli} from '../support/run-cli.js';
import {makeTempHome} from '../support/temp-home.js';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const disposers: Array<() => void> = [];
afterEach(() => {
	for (const dispose of disposers.splice(0)) {
		dispose();
	}
});

describe('an automatic sync killed part-way (SIGKILL)', () => {
	it('leaves nothing of the run and does not move the sync on, and the next sync lands whole', async () => {
		const temp = makeTempHome();
		disposers.push(temp.remove);
		const args = ['--demo-users', '20000'];
		await runCli(['settings', 'set', 'auto-sync', 'on'], temp.env);
		await runCli(['sync', '--dry-run', ...args], temp.env);
		// Opening the store replays the write-ahead log, as SQLite does after a crash.
		const counts = () => {
			const store = openStore(path.join(temp.home, 'salesscreen.db'));
			try {
				const one = (sql: string) => (store.sqlite.prepare(sql).get() as {n: number}).n;
				return {
					links: one('select count(*) as n from salesforce_links'),
					outcomes: one('select count(*) as n from import_outcomes'),
					completedRuns: one("select count(*) as n from import_runs where status = 'completed'"),
					syncMarks: one('select count(*) as n from sync_state where high_water_mark is not null'),
				};
			} finally {
				store.close();
			}
		};

		// Kill as soon as the run has started writing: a growing write-ahead log means the sync is between its
		// first write and its commit (see the same test for a manual import).
		const wal = path.join(temp.home, 'salesscreen.db-wal');
		const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
		const before = walSize();
		const child = spawn(process.execPath, [cliPath, 'sync', ...args], {env: temp.env, stdio: ['ignore', 'pipe', 'pipe']});
		const closed = new Promise((resolve) => {
			child.once('close', resolve);
		});
		const deadline = Date.now() + 30_000;
		while (walSize() < before + 256 * 1024 && Date.now() < deadline) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 2);
			});
		}

		child.kill('SIGKILL');
		await closed;
		expect(walSize()).toBeGreaterThan(before);
		expect(counts()).toEqual({links: 0, outcomes: 0, completedRuns: 0, syncMarks: 0});

		const finished = await runCli(['sync', '--json', ...args], temp.env);
		expect(finished.code).toBe(0);
		expect(JSON.parse(finished.stdout)).toMatchObject({status: 'completed', kind: 'full', kindReason: 'first sync'});
		const after = counts();
		expect(after.completedRuns).toBe(1);
		expect(after.syncMarks).toBe(1);
		expect(after.links).toBeGreaterThan(10_000);

		const database = new Database(path.join(temp.home, 'salesscreen.db'), {readonly: true});
		const check = database.pragma('integrity_check', {simple: true});
		database.close();
		expect(check).toBe('ok');
	}, 60_000);
});
