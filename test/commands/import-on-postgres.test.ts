import {expect, it} from 'vitest';
import pg from 'pg';
import {writeLockKey} from '../../source/store/postgres-write-lock.js';
import {runCli, startCli} from '../support/run-cli.js';
import {describeOnPostgres, freshPostgresDatabase} from '../support/postgres-database.js';
import {query, saysOnStandardError} from '../support/postgres-query.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

type ImportJson = {runId: number | null; selected: number; counts: {create: number; map: number; alreadyImported: number; skip: number}};

describeOnPostgres('salesscreen import on PostgreSQL', () => {
	it('imports the demo org into the database, and history and undo read it back from there', async () => {
		const {env} = tempHome();
		const onPostgres = {...env, SALESSCREEN_DATABASE_URL: await freshPostgresDatabase()};
		const first = await runCli(['import', '--demo-users', '200', '--all', '--json'], onPostgres);
		expect([first.code, first.stderr]).toEqual([0, '']);
		const report = JSON.parse(first.stdout) as ImportJson;
		expect(report.counts.create).toBeGreaterThan(100);
		expect(report.counts.map).toBeGreaterThan(0);

		const url = onPostgres.SALESSCREEN_DATABASE_URL;
		const [counts] = await query<{people: number; links: number}>(url, 'select (select count(*) from people)::int as people, (select count(*) from salesforce_links)::int as links');
		expect(counts!.links).toBe(report.counts.create + report.counts.map);
		// The SQLite file was never written: the store is the database.
		expect((await runCli(['history', '--json'], env)).stdout).toBe('[]\n');
		const history = JSON.parse((await runCli(['history', '--json'], onPostgres)).stdout) as Array<{id: number; createdCount: number; outcomes: unknown[]}>;
		expect(history.map((run) => [run.id, run.createdCount, run.outcomes.length])).toEqual([[report.runId, report.counts.create, report.selected]]);

		const again = JSON.parse((await runCli(['import', '--demo-users', '200', '--all', '--json'], onPostgres)).stdout) as ImportJson;
		expect(again.counts).toMatchObject({create: 0, map: 0, alreadyImported: report.counts.create + report.counts.map});

		// The last run changed nothing, so undo reverses the first; and only once.
		const undo = await runCli(['undo', '--json'], onPostgres);
		expect([undo.code, JSON.parse(undo.stdout)]).toEqual([0, expect.objectContaining({undone: true, undoneRunId: report.runId, removedPeople: report.counts.create})]);
		const twice = await runCli(['undo', '--json'], onPostgres);
		expect([twice.code, JSON.parse(twice.stdout)]).toEqual([1, {undone: false, message: expect.stringMatching(/already undone/)}]);
		const [after] = await query<{links: number; salesforcePeople: number}>(
			url,
			"select (select count(*) from salesforce_links)::int as links, (select count(*) from people where origin = 'salesforce')::int as \"salesforcePeople\"",
		);
		expect(after).toEqual({links: 0, salesforcePeople: 0});
	});

	it('two imports of the same org at once make each person once, and both runs are recorded', async () => {
		const {env} = tempHome();
		const onPostgres = {...env, SALESSCREEN_DATABASE_URL: await freshPostgresDatabase()};
		// Both start while another writer (this test, named as a salesscreen import) holds the write lock, so
		// that they meet at the lock however fast each reaches it; then it lets go, and they race for it.
		const holder = new pg.Client({connectionString: onPostgres.SALESSCREEN_DATABASE_URL});
		await holder.connect();
		await holder.query("set application_name = 'salesscreen writer manual 2026-01-01T00:00:00.000Z tester'");
		await holder.query('select pg_advisory_lock($1)', [writeLockKey]);
		const imports = [1, 2].map(() => startCli(['import', '--demo-users', '300', '--all', '--json'], onPostgres));
		try {
			await Promise.all(imports.map(async ({child}) => saysOnStandardError(child, /Waiting for another import to finish \(started by tester/)));
		} finally {
			await holder.end();
		}

		const both = await Promise.all(imports.map(async ({exited}) => exited));
		for (const result of both) {
			expect([result.code, result.stdout === '' ? result.stderr : '']).toEqual([0, '']);
		}

		const reports = both.map((result) => JSON.parse(result.stdout) as ImportJson);
		const url = onPostgres.SALESSCREEN_DATABASE_URL;
		const duplicates = await query(url, 'select lower(email) from people group by 1 having count(*) > 1');
		expect(duplicates).toEqual([]);
		const [counts] = await query<{links: number; people: number; runs: number}>(
			url,
			"select (select count(*) from salesforce_links)::int as links, (select count(*) from people where origin = 'salesforce')::int as people, (select count(*) from import_runs where status = 'completed')::int as runs",
		);
		// One of them wrote everyone; the other, planning under the lock after it, found them imported.
		const created = reports.reduce((sum, report) => sum + report.counts.create, 0);
		const mapped = reports.reduce((sum, report) => sum + report.counts.map, 0);
		expect(counts).toEqual({links: created + mapped, people: created, runs: 2});
		expect(reports.map((report) => report.counts.alreadyImported).sort((a, b) => a - b)).toEqual([0, created + mapped]);
	});
});
