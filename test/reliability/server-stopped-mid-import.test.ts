import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {runCli, startCli} from '../support/run-cli.js';
import {outcomesBytes, poll, query, storeState} from '../support/postgres-query.js';
import {noThrowawayPostgres, startThrowawayPostgres, type ThrowawayPostgres} from '../support/throwaway-postgres.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

if (noThrowawayPostgres) {
	console.warn(`The server-stopped-mid-import tests are skipped: ${noThrowawayPostgres}`);
}

// Large enough that the run is still writing its outcome rows well after the first 64 kB of them.
const args = ['import', '--demo-users', '20000', '--all', '--json'];

describe.skipIf(noThrowawayPostgres !== undefined)('the PostgreSQL server stopped while an import is writing', () => {
	let server: ThrowawayPostgres;
	let databases = 0;
	beforeAll(async () => {
		server = await startThrowawayPostgres();
	}, 60_000);
	// A test that failed with the server stopped leaves it running for the next.
	afterEach(() => {
		server?.start();
	});
	afterAll(() => {
		server?.remove();
	});

	// fast: the server ends each session with "terminating connection due to administrator command" (57P01);
	// immediate: the sessions' sockets simply close, and node-postgres says "Connection terminated unexpectedly".
	it.each(['immediate', 'fast'] as const)(
		'pg_ctl stop -m %s: the import says in words that the store could not be reached, writes nothing, and the next import completes',
		async (mode) => {
			const name = `stopped_${mode}_${databases++}`;
			await query(server.url, `create database ${name}`);
			const url = server.url.replace(/\/postgres$/, `/${name}`);
			const {env} = tempHome();
			const onPostgres = {...env, SALESSCREEN_DATABASE_URL: url};
			// Something in the store already, so "as before" is not merely "empty".
			expect((await runCli(['import', '--demo-users', '300', '--all', '--json'], onPostgres)).code).toBe(0);
			const before = await storeState(url);
			const bytes = await outcomesBytes(url);

			// The stop comes once the run's transaction has written outcome rows (they take pages before they
			// commit), so the server goes away between the run's first write and its commit, not at a guess.
			const importing = startCli(args, onPostgres);
			await poll(async () => (await outcomesBytes(url)) > bytes + (64 * 1024), 'outcome rows being written');
			server.stop(mode);
			// Awaited with the server still down: an import that waited for it forever would end this test.
			const stopped = await importing.exited;

			const said = stopped.stderr.split('\n').filter((line) => line !== '');
			expect(stopped.code).toBe(1);
			expect(said).toHaveLength(1);
			const [line] = said;
			expect(line).toMatch(/^salesscreen: /);
			expect(line).toContain(`PostgreSQL database ${name} on postgres@127.0.0.1:`);
			expect(line).toMatch(/could not be reached/);
			expect(line).toMatch(/nothing of it was written/i);
			expect(line).toMatch(/run it again/i);
			expect(line).not.toMatch(/\bat .*\.js:\d+/);
			const failure = JSON.parse(stopped.stdout) as {status: string; code: string; error: string};
			expect(failure).toEqual({status: 'failed', code: 'run-failed', error: line!.replace(/^salesscreen: /, '')});

			// The run is absent rather than recorded as failed: the server that would have recorded it was gone.
			server.start();
			expect(await storeState(url)).toEqual(before);

			const again = await runCli(args, onPostgres);
			expect(again.code).toBe(0);
			const report = JSON.parse(again.stdout) as {selected: number; counts: {create: number; map: number; alreadyImported: number}};
			const after = await storeState(url);
			expect(after).toMatchObject({runs: before.runs + 1, completedRuns: before.completedRuns + 1, unlinked: 0, outcomes: before.outcomes + report.selected});
			expect(after.people).toBe(before.people + report.counts.create);
			expect(after.links).toBe(before.links + report.counts.create + report.counts.map);
			expect(await query(url, 'select lower(email) from people group by 1 having count(*) > 1')).toEqual([]);
		},
		120_000,
	);
});
