import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';
import {readStore} from '../support/read-store.js';

const tempHome = tempHomesPerTest();

type ImportJson = {
	dryRun: boolean;
	runId: number | null;
	selected: number;
	counts: {create: number; map: number; alreadyImported: number; skip: number};
	outcomes: Array<{salesforceUserId: string; outcome: string; reason: string | null}>;
};

describe('salesscreen import', () => {
	it('plans every active Standard user with --dry-run and writes nothing', async () => {
		const {home, env} = tempHome();
		const result = await runCli(['import', '--demo-users', '300', '--all', '--dry-run', '--json'], env);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout) as ImportJson;
		expect(report.dryRun).toBe(true);
		expect(report.runId).toBeNull();
		expect(report.selected).toBeGreaterThan(200);
		// The demo org seeds a few people whose emails match: those map, the rest are new.
		expect(report.counts.map).toBeGreaterThan(0);
		expect(report.counts.create + report.counts.map + report.counts.skip).toBe(report.selected);
		expect(readStore(home, 'select * from salesforce_links')).toEqual([]);
		expect(readStore(home, 'select * from import_runs')).toEqual([]);
	});

	it('says with --dry-run where the team-from-Salesforce rule would put people, and makes no team', async () => {
		const {home, env} = tempHome();
		expect((await runCli(['settings', 'set', 'team-from-salesforce', 'department'], env)).code).toBe(0);
		const text = await runCli(['import', '--demo-users', '300', '--all', '--dry-run'], env);
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/Would put people on teams from Salesforce: [^(]+ \(\d+, new\)/);
		const json = JSON.parse((await runCli(['import', '--demo-users', '300', '--all', '--dry-run', '--json'], env)).stdout) as {
			counts: {create: number; map: number};
			teamsPreview: {teams: Array<{name: string; people: number; isNew: boolean}>; unplaced: number};
		};
		const placed = json.teamsPreview.teams.reduce((sum, team) => sum + team.people, 0) + json.teamsPreview.unplaced;
		expect(placed).toBe(json.counts.create + json.counts.map);
		expect(json.teamsPreview.teams.every((team) => team.isNew)).toBe(true);
		expect(readStore(home, 'select * from teams')).toEqual([]);
	});

	it('imports the users named by --id, and a second run changes nothing', async () => {
		const {home, env} = tempHome();
		const plan = JSON.parse((await runCli(['import', '--demo-users', '300', '--all', '--dry-run', '--json'], env)).stdout) as ImportJson;
		const ids = plan.outcomes.filter((outcome) => outcome.outcome === 'created').slice(0, 2).map((outcome) => outcome.salesforceUserId);
		const args = ['import', '--demo-users', '300', ...ids.flatMap((id) => ['--id', id])];

		const first = await runCli([...args, '--json'], env);
		expect(first.code).toBe(0);
		expect((JSON.parse(first.stdout) as ImportJson).counts.create).toBe(2);
		const second = await runCli(args, env);
		expect(second.code).toBe(0);
		expect(second.stdout).toMatch(/created 0, mapped 0 by email, 2 already imported, 0 skipped/);
		expect(readStore<{n: number}>(home, 'select count(*) as n from salesforce_links')[0]!.n).toBe(2);
		expect(readStore<{status: string}>(home, 'select status from import_runs')).toEqual([{status: 'completed'}, {status: 'completed'}]);
	});

	it('refuses an id the org does not have, imports nothing, and exits 2', async () => {
		const {home, env} = tempHome();
		const result = await runCli(['import', '--demo-users', '300', '--id', '005000000000000AAA'], env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/No Salesforce user has the id 005000000000000AAA/);
		expect(readStore(home, 'select * from import_runs')).toEqual([]);
	});

	it.each([
		[['import'], /--all, or --id/],
		[['import', '--all', '--id', '005000000000000AAA'], /--all, or --id/],
		[['import', '--all', '--instance-url', 'https://acme.my.salesforce.com'], /go together/],
		[['import', '--all', '--instance-url', 'not a url', '--access-token', 't'], /is not a URL/],
		[['import', '--al'], /^salesscreen import: unknown flag --al\. Run salesscreen import --help\.\n$/],
		[['export'], /unknown command "export"/],
	])('says what is wrong with %j and exits 2', async (args, message) => {
		const {env} = tempHome();
		const result = await runCli(args, env);
		expect(result.code).toBe(2);
		expect(result.stderr + result.stdout).toMatch(message);
	});

	it('prints help for the command', async () => {
		const {env} = tempHome();
		const result = await runCli(['import', '--help'], env);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('salesscreen import --all');
	});

	it('reports a corrupt settings file with its path and exits 1 without touching it', async () => {
		const {home, env} = tempHome();
		const fs = await import('node:fs');
		fs.writeFileSync(path.join(home, 'settings.json'), '{broken');
		const result = await runCli(['import', '--demo-users', '300', '--all', '--dry-run'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(path.join(home, 'settings.json'));
		expect(fs.readFileSync(path.join(home, 'settings.json'), 'utf8')).toBe('{broken');
	});
});

describe('two imports at once', () => {
	it('never duplicate a person or a link, and both runs are recorded', async () => {
		const {home, env} = tempHome();
		// Initialise the store first so both processes start from the same seeded people.
		await runCli(['import', '--demo-users', '300', '--all', '--dry-run'], env);
		const [first, second] = await Promise.all([runCli(['import', '--demo-users', '300', '--all', '--json'], env), runCli(['import', '--demo-users', '300', '--all', '--json'], env)]);
		expect([first.code, second.code]).toEqual([0, 0]);
		const created = [first, second].map((result) => (JSON.parse(result.stdout) as ImportJson).counts.create).sort((a, b) => a - b);
		// Whichever took the write lock second found everything already imported.
		expect(created[0]).toBe(0);
		expect(created[1]).toBeGreaterThan(200);
		const duplicates = readStore(home, 'select person_id from salesforce_links group by person_id having count(*) > 1');
		expect(duplicates).toEqual([]);
		expect(readStore<{n: number}>(home, "select count(*) as n from import_runs where status = 'completed'")[0]!.n).toBe(2);
	});
});
