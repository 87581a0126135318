import {expect, it} from 'vitest';
import pg from 'pg';
import {runCli} from '../support/run-cli.js';
import {describeOnPostgres, freshPostgresDatabase} from '../support/postgres-database.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
	const client = new pg.Client({connectionString: url});
	await client.connect();
	try {
		return (await client.query<T>(text)).rows;
	} finally {
		await client.end();
	}
}

const processes = 4;
const rounds = 3;
const users = '300';

describeOnPostgres('several salesscreen processes writing one database at once', () => {
	// Each round starts every process at the same moment, half importing and half syncing the same org, so
	// that they meet at the write lock in whatever order the machine gives; nothing here depends on timing,
	// only on what the database holds once they have all exited.
	it('make each person and each link once, and record every run', async () => {
		const {env} = tempHome();
		const onPostgres = {...env, SALESSCREEN_DATABASE_URL: await freshPostgresDatabase()};
		expect((await runCli(['settings', 'set', 'auto-sync', 'on'], onPostgres)).code).toBe(0);

		for (let round = 0; round < rounds; round++) {
			// Round one races to write everyone; later rounds race to find them written, and write nothing twice.
			const commands = Array.from({length: processes}, (_, index) =>
				index % 2 === 0 ? ['import', '--demo-users', users, '--all', '--json'] : ['sync', '--demo-users', users, '--json']);
			// eslint-disable-next-line no-await-in-loop
			const results = await Promise.all(commands.map(async (args) => runCli(args, onPostgres)));
			for (const result of results) {
				// Waiting for the others is said on standard error, and nothing else is.
				const said = result.stderr.split('\n').filter((line) => line !== '' && !/^salesscreen: Waiting for another (import|automatic sync) to finish/.test(line));
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
