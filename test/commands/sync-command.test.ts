import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

function runs(home: string) {
	const database = new Database(path.join(home, 'salesscreen.db'), {readonly: true});
	try {
		return database.prepare('select mode, status, created_count as created from import_runs order by id').all();
	} finally {
		database.close();
	}
}

describe('salesscreen sync', () => {
	it('changes nothing while Automatically sync users is off, says so, and exits 0', async () => {
		const {home, env} = tempHome();
		const result = await runCli(['sync', '--demo-users', '300', '--json'], env);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({autoSync: false, runId: null});
		expect(runs(home)).toEqual([]);
	});

	it('once switched on from a script, imports eligible users as an automatic run, then only what is new', async () => {
		const {home, env} = tempHome();
		expect((await runCli(['settings', 'set', 'auto-sync', 'on'], env)).stdout).toBe('auto-sync on\n');

		const dryRun = await runCli(['sync', '--demo-users', '300', '--dry-run'], env);
		expect(dryRun.code).toBe(0);
		expect(dryRun.stdout).toMatch(/Dry run, nothing written: would create \d+/);
		expect(runs(home)).toEqual([]);

		const first = await runCli(['sync', '--demo-users', '300', '--json'], env);
		expect(first.code).toBe(0);
		const report = JSON.parse(first.stdout) as {mode: string; counts: {create: number}};
		expect(report.mode).toBe('auto');
		expect(report.counts.create).toBeGreaterThan(200);

		const second = await runCli(['sync', '--demo-users', '300', '--json'], env);
		expect((JSON.parse(second.stdout) as {counts: {create: number}}).counts.create).toBe(0);
		expect(runs(home)).toEqual([
			{mode: 'auto', status: 'completed', created: report.counts.create},
			{mode: 'auto', status: 'completed', created: 0},
		]);
	});

	it('exits 1 with the reason when the org cannot be reached, and records the failed run', async () => {
		const {home, env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		const result = await runCli(['sync', '--instance-url', 'http://127.0.0.1:9', '--access-token', 'x'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/127\.0\.0\.1:9/);
		// Every run stays recorded, a sync that could not even read the org too.
		expect(runs(home)).toEqual([{mode: 'auto', status: 'failed', created: 0}]);
	}, 60_000);
});

describe('salesscreen settings', () => {
	it('reads every setting, and changes one with the same effect as the Settings tab', async () => {
		const {env} = tempHome();
		expect((await runCli(['settings', 'get'], env)).stdout).toContain('auto-sync off\npage-size auto\nshow-all-users off\n');
		await runCli(['settings', 'set', 'page-size', '25'], env);
		expect((await runCli(['settings', 'get', 'page-size'], env)).stdout).toBe('page-size 25\n');
	});

	it('reads and changes the import rules: sync scope, FederationIdentifier, fields to fill, safeguard', async () => {
		const {env} = tempHome();
		const get = async (name: string) => (await runCli(['settings', 'get', name], env)).stdout;
		expect(await get('sync-scope')).toBe('sync-scope {"profiles":[],"roles":[],"departments":[],"userTypes":["Standard"],"activeOnly":true}\n');
		expect([await get('match-federation-id'), await get('fill-on-map'), await get('safeguard-share')]).toEqual([
			'match-federation-id off\n',
			'fill-on-map none\n',
			'safeguard-share 20%\n',
		]);
		expect((await runCli(['settings', 'set', 'sync-scope', '{"profiles":["Sales"],"activeOnly":false}'], env)).stdout).toBe(
			'sync-scope {"profiles":["Sales"],"roles":[],"departments":[],"userTypes":["Standard"],"activeOnly":false}\n',
		);
		expect((await runCli(['settings', 'set', 'sync-scope', '{"activity":{"objects":["task","Opportunity"]}}'], env)).stdout).toBe(
			'sync-scope {"profiles":[],"roles":[],"departments":[],"userTypes":["Standard"],"activeOnly":true,"activity":{"objects":["Opportunity","Task"],"days":30}}\n',
		);
		expect(await get('sync-scope')).toContain('"activity":{"objects":["Opportunity","Task"],"days":30}');
		expect((await runCli(['settings', 'set', 'match-federation-id', 'on'], env)).stdout).toBe('match-federation-id on\n');
		expect((await runCli(['settings', 'set', 'fill-on-map', 'name-title'], env)).stdout).toBe('fill-on-map name-title\n');
		expect((await runCli(['settings', 'set', 'safeguard-share', '35%'], env)).stdout).toBe('safeguard-share 35%\n');
		expect((await runCli(['settings', 'set', 'safeguard-share', '0.1'], env)).stdout).toBe('safeguard-share 10%\n');
	});

	it.each([
		[['settings', 'set', 'auto-sync', 'maybe'], /on or off/],
		[['settings', 'set', 'page-size', '0'], /from 1 to 500/],
		[['settings', 'set', 'sync-scope', '{"profile":["Sales"]}'], /no "profile"/],
		[['settings', 'set', 'sync-scope', 'Sales'], /takes JSON/],
		[['settings', 'set', 'sync-scope', '{"activity":{"days":0}}'], /from 1 to 3650/],
		[['settings', 'set', 'fill-on-map', 'both'], /none, name, title, name-title/],
		[['settings', 'set', 'safeguard-share', '1.5'], /from 0 to 1/],
		[['settings', 'set', 'match-federation-id', 'maybe'], /on or off/],
		[['settings', 'get', 'colour'], /no setting "colour"/],
		[['settings', 'delete'], /settings get \[KEY\]/],
	])('refuses %j with a clear message and exit code 2', async (args, message) => {
		const {env} = tempHome();
		const result = await runCli(args, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});
});

describe('salesscreen history', () => {
	it('lists runs as text, and every outcome as JSON and as CSV', async () => {
		const {env} = tempHome();
		expect((await runCli(['history'], env)).stdout).toBe('No imports yet.\n');
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		await runCli(['sync', '--demo-users', '300'], env);

		const text = await runCli(['history'], env);
		expect(text.stdout).toMatch(/^#1 {2}\S+ {2}auto {4}by \S+ {2}\d+ selected {2}created \d+, mapped \d+/);
		const runsJson = JSON.parse((await runCli(['history', '--json'], env)).stdout) as Array<{mode: string; selectedCount: number; outcomes: unknown[]}>;
		expect(runsJson).toHaveLength(1);
		expect(runsJson[0]!.outcomes).toHaveLength(runsJson[0]!.selectedCount);
		const csv = (await runCli(['history', '--csv'], env)).stdout.trimEnd().split('\r\n');
		expect(csv[0]).toBe('run_id,mode,status,operator,started_at,salesforce_user_id,salesforce_name,email,outcome,reason,detail,person_id,manual');
		expect(csv).toHaveLength(runsJson[0]!.selectedCount + 1);
		expect(csv[1]).toMatch(/^1,auto,completed,/);
	});

	it('refuses --json with --csv', async () => {
		const {env} = tempHome();
		const result = await runCli(['history', '--json', '--csv'], env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/one of --json and --csv/);
	});
});
