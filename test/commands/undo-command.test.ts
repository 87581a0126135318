import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {openStore} from '../../source/store/database.js';
import {manualMappings} from '../../source/app/manual-mappings.js';
import {directoryAs} from '../support/app-ports.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

function count(home: string, sql: string): number {
	const database = new Database(path.join(home, 'salesscreen.db'), {readonly: true});
	try {
		return (database.prepare(sql).get() as {n: number}).n;
	} finally {
		database.close();
	}
}

describe('salesscreen undo', () => {
	it('undoes the last import, keeping a person an admin put on a team, and refuses a second undo with exit 1', async () => {
		const {home, env} = tempHome();
		expect(await runCli(['undo'], env)).toMatchObject({code: 1, stderr: expect.stringMatching(/nothing to undo/)});
		const imported = JSON.parse((await runCli(['import', '--demo-users', '300', '--all', '--json'], env)).stdout) as {runId: number; counts: {create: number; map: number}};
		const store = openStore(path.join(home, 'salesscreen.db'));
		const team = Number(store.sqlite.prepare("insert into teams (name, name_normalised) values ('Sales', 'sales')").run().lastInsertRowid);
		store.sqlite.prepare("update people set team_id = ? where id = (select max(id) from people where origin = 'salesforce')").run(team);
		store.close();

		const undo = await runCli(['undo', '--json'], env);
		expect(undo.code).toBe(0);
		const result = JSON.parse(undo.stdout) as {undone: boolean; undoneRunId: number; removedPeople: number; removedLinks: number; keptPeople: Array<{reason: string}>};
		expect(result).toMatchObject({undone: true, undoneRunId: imported.runId, removedPeople: imported.counts.create - 1, removedLinks: imported.counts.create + imported.counts.map});
		expect(result.keptPeople).toEqual([expect.objectContaining({reason: 'is on a team'})]);
		// The demo org's seeded people, which the import mapped, stay; of the people it created, the one on a team stays.
		expect(count(home, "select count(*) as n from people where origin = 'salesforce'")).toBe(1);
		expect(count(home, "select count(*) as n from people where origin = 'demo-seed'")).toBe(imported.counts.map);
		expect(count(home, 'select count(*) as n from salesforce_links')).toBe(0);

		const again = await runCli(['undo'], env);
		expect(again.code).toBe(1);
		expect(again.stderr).toMatch(new RegExp(`run #${imported.runId}, was already undone`));
		const history = (await runCli(['history'], env)).stdout;
		expect(history).toMatch(/undo +by \S+ +\d+ selected +undoes run #1: \d+ people removed/);
		expect(history).toMatch(/undone by run #2/);
	});

	it('shows in history which mappings an admin chose by hand', async () => {
		const {home, env} = tempHome();
		const plan = JSON.parse((await runCli(['import', '--demo-users', '300', '--all', '--dry-run', '--json'], env)).stdout) as {outcomes: Array<{salesforceUserId: string; outcome: string}>};
		const user = plan.outcomes.find((outcome) => outcome.outcome === 'created')!.salesforceUserId;
		const store = openStore(path.join(home, 'salesscreen.db'));
		const person = (store.sqlite.prepare('select min(id) as id from people').get() as {id: number}).id;
		await manualMappings(directoryAs(store)).mapTo(user, person);
		store.close();

		const imported = JSON.parse((await runCli(['import', '--demo-users', '300', '--id', user, '--json'], env)).stdout) as {outcomes: Array<{outcome: string; manual: boolean; matchedBy: string}>};
		expect(imported.outcomes).toEqual([expect.objectContaining({outcome: 'mapped', manual: true, matchedBy: 'manual'})]);
		expect((await runCli(['history'], env)).stdout).toMatch(/mapped 1 \(1 by hand\)/);
		expect((await runCli(['history', '--csv'], env)).stdout.trimEnd().split('\r\n')[1]).toMatch(/,mapped,,mapped by hand to .*,yes$/);
		expect(JSON.parse((await runCli(['history', '--json'], env)).stdout)[0].outcomes[0]).toMatchObject({manual: true});
	});
});
