import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {countAfterCrash, killOnceWriting} from '../support/kill-mid-write.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

describe('an import killed part-way (SIGKILL)', () => {
	it('leaves nothing of the run, and the same import run again lands whole', async () => {
		const temp = tempHome();
		const args = ['--demo-users', '20000'];
		await runCli(['import', '--all', '--dry-run', ...args], temp.env);
		const counts = () =>
			countAfterCrash(temp.home, {
				links: 'select count(*) as n from salesforce_links',
				outcomes: 'select count(*) as n from import_outcomes',
				completedRuns: "select count(*) as n from import_runs where status = 'completed'",
			});
		const wal = await killOnceWriting(['import', '--all', ...args], temp.home, temp.env);
		expect(wal.after).toBeGreaterThan(wal.before);
		expect(counts()).toEqual({links: 0, outcomes: 0, completedRuns: 0});

		// The same import, not interrupted, then lands whole.
		const finished = await runCli(['import', '--all', ...args], temp.env);
		expect(finished.code).toBe(0);
		const after = counts();
		expect(after.completedRuns).toBe(1);
		expect(after.links).toBeGreaterThan(10_000);

		const database = new Database(path.join(temp.home, 'salesscreen.db'), {readonly: true});
		const check = database.pragma('integrity_check', {simple: true});
		database.close();
		expect(check).toBe('ok');
	}, 60_000);
});
