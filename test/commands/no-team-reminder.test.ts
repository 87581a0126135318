import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

type RunJson = {status?: string; runId: number; onNoTeam?: number; counts: {create: number; map: number}; outcomes: Array<{salesforceUserId: string; outcome: string}>; teams?: {placed: number}};

let org: DemoOrg;
beforeAll(async () => {
	org = await startDemoOrg({users: 60, seed: 21});
});
afterAll(async () => {
	await org.close();
});

const orgFlags = () => ['--instance-url', org.instanceUrl, '--access-token', org.accessToken];
const reminder = /(\d+) of the people this run created or mapped (?:is|are) on no team: their sales activity is not counted; put them on a team on Manage › People \(t\)/;

describe('people on no team', () => {
	it('are named after a sync, with what places them, and counted by status', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		const text = await runCli(['sync', ...orgFlags()], env);
		expect(text.code).toBe(0);
		const line = reminder.exec(text.stdout);
		const created = (text.stdout.match(/^created /gm) ?? []).length;
		expect(created).toBeGreaterThan(10);
		expect(Number(line?.[1])).toBe(created);

		const status = await runCli(['status'], env);
		expect(status.stdout).toContain(`${created} people are on no team: their sales activity is not counted; put them on a team on Manage › People (t)`);
		const json = await runCli(['status', '--json'], env);
		expect(JSON.parse(json.stdout)).toMatchObject({status: 'notConnected', peopleOnNoTeam: created});
	});

	it('are only those the team-from-Salesforce rule left without a team', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'team-from-salesforce', 'department'], env);
		const result = await runCli(['import', '--all', '--json', ...orgFlags()], env);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as RunJson;
		const people = report.counts.create + report.counts.map;
		const withoutDepartment = report.outcomes.filter((outcome) => (outcome.outcome === 'created' || outcome.outcome === 'mapped') && org.users.find((user) => user.id === outcome.salesforceUserId)?.department === null).length;
		expect(report.teams?.placed).toBe(people - withoutDepartment);
		expect(report.onNoTeam).toBe(withoutDepartment);
	});

	it('follow an import as a line of its own', async () => {
		const {env} = tempHome();
		const result = await runCli(['import', '--all', ...orgFlags()], env);
		expect(result.code).toBe(0);
		const created = (result.stdout.match(/^(created|mapped) /gm) ?? []).length;
		expect(Number(reminder.exec(result.stdout)?.[1])).toBe(created);
	});

	it('are placed by sync on the default team chosen in Settings, after the team-from-Salesforce rule', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		await runCli(['settings', 'set', 'team-from-salesforce', 'department'], env);
		expect((await runCli(['settings', 'set', 'default-team', '  New   Sellers '], env)).code).toBe(0);
		expect((await runCli(['settings', 'get', 'default-team'], env)).stdout.trim()).toBe('default-team New Sellers');
		const result = await runCli(['sync', '--json', ...orgFlags()], env);
		const report = JSON.parse(result.stdout) as RunJson & {defaultTeam?: {name: string; placed: number; newTeams: string[]}};
		const placedPeople = report.outcomes.filter((outcome) => outcome.outcome === 'created' || outcome.outcome === 'mapped');
		const withoutDepartment = placedPeople.filter((outcome) => org.users.find((user) => user.id === outcome.salesforceUserId)?.department === null).length;
		expect(withoutDepartment).toBeGreaterThan(0);
		expect(report.teams?.placed).toBe(placedPeople.length - withoutDepartment);
		expect(report.defaultTeam).toEqual({name: 'New Sellers', placed: withoutDepartment, newTeams: ['New Sellers']});
		expect(report.onNoTeam).toBe(0);

		const none = await runCli(['settings', 'set', 'default-team', 'none'], env);
		expect(none.code).toBe(0);
		expect((await runCli(['settings', 'get', 'default-team'], env)).stdout.trim()).toBe('default-team none');
	});
});
