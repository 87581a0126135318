import {expect, it} from 'vitest';
import pg from 'pg';
import {writeLockKey} from '../../source/store/postgres-write-lock.js';
import {runCli, startCli} from '../support/run-cli.js';
import {describeOnPostgres, freshPostgresDatabase} from '../support/postgres-database.js';
import {outcomesBytes, poll, query, storeState} from '../support/postgres-query.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

/** True once a salesscreen session holds the write lock, i.e. its run's transaction has begun. */
async function writerHoldsLock(url: string): Promise<boolean> {
	const rows = await query(
		url,
		`select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
		 where l.locktype = 'advisory' and l.granted and l.objid::bigint = $1 and a.application_name like 'salesscreen writer%'`,
		[writeLockKey],
	);
	return rows.length > 0;
}

const args = ['import', '--demo-users', '5000', '--all', '--json'];

describeOnPostgres('an import killed part-way (SIGKILL) on PostgreSQL', () => {
	it('leaves the database as it was, at each moment it is killed, and the same import then lands whole', async () => {
		const {env} = tempHome();
		const onPostgres = {...env, SALESSCREEN_DATABASE_URL: await freshPostgresDatabase()};
		const url = onPostgres.SALESSCREEN_DATABASE_URL;
		// A store with something in it already, so "as before" is not merely "empty".
		const earlier = await runCli(['import', '--demo-users', '300', '--all', '--json'], onPostgres);
		expect(earlier.code).toBe(0);
		const before = await storeState(url);
		expect(before).toMatchObject({completedRuns: 1, unlinked: 0});

		// 1. While it waits for the write lock another writer holds.
		const holder = new pg.Client({connectionString: url});
		await holder.connect();
		await holder.query("set application_name = 'salesscreen writer manual 2026-01-01T00:00:00.000Z tester'");
		await holder.query('select pg_advisory_lock($1)', [writeLockKey]);
		const waiting = startCli(args, onPostgres);
		let said = '';
		waiting.child.stderr!.on('data', (chunk: Buffer) => {
			said += chunk.toString();
		});
		await poll(async () => /Waiting for another import to finish/.test(said), 'the import waiting');
		waiting.child.kill('SIGKILL');
		await waiting.exited;
		await holder.end();
		expect(await storeState(url)).toEqual(before);

		// 2. As soon as its run's transaction holds the write lock.
		const locked = startCli(args, onPostgres);
		await poll(async () => writerHoldsLock(url), 'the import holding the write lock');
		locked.child.kill('SIGKILL');
		await locked.exited;
		expect(await storeState(url)).toEqual(before);

		// 3. Once it has written outcome rows, uncommitted.
		const bytes = await outcomesBytes(url);
		const writing = startCli(args, onPostgres);
		await poll(async () => (await outcomesBytes(url)) > bytes + (64 * 1024), 'outcome rows being written');
		writing.child.kill('SIGKILL');
		await writing.exited;
		expect(await storeState(url)).toEqual(before);

		// The same import, not interrupted, then lands whole (the killed sessions' locks are gone with them).
		const finished = await runCli(args, onPostgres);
		expect(finished.code).toBe(0);
		const report = JSON.parse(finished.stdout) as {selected: number; counts: {create: number; map: number; alreadyImported: number}};
		const after = await storeState(url);
		expect(after).toMatchObject({completedRuns: 2, runs: before.runs + 1, unlinked: 0, outcomes: before.outcomes + report.selected});
		expect(after.links).toBe(before.links + report.counts.create + report.counts.map);
		expect(await query(url, 'select lower(email) from people group by 1 having count(*) > 1')).toEqual([]);
	}, 90_000);
});
