import {expect, it} from 'vitest';
import pg from 'pg';
import {writeLockKey} from '../../source/store/postgres-write-lock.js';
import {runCli, startCli} from '../support/run-cli.js';
import {describeOnPostgres, freshPostgresDatabase} from '../support/postgres-database.js';
import {query, saysOnStandardError} from '../support/postgres-query.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

const processes = 4;
const rounds = 3;
const users = '300';

describeOnPostgres('several salesscreen processes writing one database at once', () => {
	// Each round starts every process, half importing and half syncing the same org, while another writer
	// (this test, named as a salesscreen import) holds the write lock, so that all of them meet at the lock
	// however fast each starts; then it lets go and they race for it. Nothing here depends on timing, only
	// on what the database holds once they have all exited.
	it('make each person and each link once, and record every run', async () => {
		const {env} = tempHome();
		const onPostgres = {...env, SALESSCREEN_DATABASE_URL: await freshPostgresDatabase()};
		expect((await runCli(['settings', 'set', 'auto-sync', 'on'], onPostgres)).code).toBe(0);

		for (let round = 0; round < rounds; round++) {
			// Round one races to write everyone; later rounds race to find them written, and write nothing twice.
			const commands = Array.from({length: processes}, (_, index) =>
				index % 2 === 0 ? ['import', '--demo-users', users, '--all', '--json'] : ['sync', '--demo-users', users, '--json']);
			const holder = new pg.Client({connectionString: onPostgres.SALESSCREEN_DATABASE_URL});
			// eslint-disable-next-line no-await-in-loop
			await holder.connect();
			// eslint-disable-next-line no-await-in-loop
			await holder.query("set application_name = 'salesscreen writer manual 2026-01-01T00:00:00.000Z tester'");
			// eslint-disable-next-line no-await-in-loop
			await holder.query('select pg_advisory_lock($1)', [writeLockKey]);
			const started = commands.map((args) => startCli(args, onPostgres));
			try {
				// eslint-disable-next-line no-await-in-loop
				await Promise.all(started.map(async ({child}) => saysOnStandardError(child, /Waiting for another import to finish \(started by tester/)));
			} finally {
				// eslint-disable-next-line no-await-in-loop
				await holder.end();
			}

			// eslint-disable-next-line no-await-in-loop
			const results = await Promise.all(started.map(async ({exited}) => exited));
			for (const result of results) {
				// Waiting for the others is said on standard error, and nothing else is. (A process that finds the
				// lock taken before its taker has named itself says "another program writing to the database".)
				const said = result.stderr.split('\n').filter((line) => line !== '' && !/^salesscreen: Waiting for another (import|automatic sync|program writing to the SalesScreen database) to finish/.test(line));
				expect([result.code, said]).toEqual([0, []]);
			}
		}

		const url = onPostgres.SALESSCREEN_DATABASE_URL;
		expect(await query(url, 'select lower(email) as email, count(*)::int from people group by 1 having count(*) > 1')).toEqual([]);
		expect(await query(url, 'select salesforce_user_id, count(*)::int from salesforce_links group by 1 having count(*) > 1')).toEqual([]);
		const [counts] = await query<{runs: number; completed: number; linked: number; salesforcePeople: number; unlinked: number}>(
			url,
			`select (select count(*) from import_runs)::int as runs,
				(select count(*) from import_runs where status = 'completed')::int as completed,
				(select count(distinct salesforce_user_id) from salesforce_links)::int as linked,
				(select count(*) from people where origin = 'salesforce')::int as "salesforcePeople",
				(select count(*) from people p where p.origin = 'salesforce'
					and not exists (select 1 from salesforce_links l where l.person_id = p.id))::int as unlinked`,
		);
		expect(counts).toMatchObject({runs: processes * rounds, completed: processes * rounds, unlinked: 0});
		// Everyone the org offers that is importable is linked once; a further import finds them all.
		const last = JSON.parse((await runCli(['import', '--demo-users', users, '--all', '--json'], onPostgres)).stdout) as {
			counts: {create: number; map: number; alreadyImported: number};
		};
		expect(last.counts).toMatchObject({create: 0, map: 0, alreadyImported: counts!.linked});
	}, 60_000);
});
