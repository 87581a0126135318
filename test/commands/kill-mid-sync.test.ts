import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {countAfterCrash, killOnceWriting} from '../support/kill-mid-write.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

describe('an automatic sync killed part-way (SIGKILL)', () => {
	it('leaves nothing of the run and does not move the sync on, and the next sync lands whole', async () => {
		const temp = tempHome();
		const args = ['--demo-users', '20000'];
		await runCli(['settings', 'set', 'auto-sync', 'on'], temp.env);
		await runCli(['sync', '--dry-run', ...args], temp.env);
		const counts = () =>
			countAfterCrash(temp.home, {
				links: 'select count(*) as n from salesforce_links',
				outcomes: 'select count(*) as n from import_outcomes',
				completedRuns: "select count(*) as n from import_runs where status = 'completed'",
				syncMarks: 'select count(*) as n from sync_state where high_water_mark is not null',
			});
		const wal = await killOnceWriting(['sync', ...args], temp.home, temp.env);
		expect(wal.after).toBeGreaterThan(wal.before);
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
