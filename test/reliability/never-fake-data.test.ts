import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {runCli} from '../support/run-cli.js';
import {readStore} from '../support/read-store.js';
import {tempHomesPerTest} from '../support/temp-home.js';
import {copiedHomePerTest} from '../support/copied-home.js';

const tempHome = tempHomesPerTest();

// A "real" org as far as the binary knows: reached with --instance-url, not the built-in demo.
let realOrg: DemoOrg;
beforeAll(async () => {
	realOrg = await startDemoOrg({users: 24, seed: 31});
});
afterAll(async () => {
	await realOrg.close();
});

const realOrgArgs = () => ['--instance-url', realOrg.instanceUrl, '--access-token', realOrg.accessToken];
const peopleIn = (home: string) => readStore<{n: number}>(home, 'select count(*) as n from people')[0]!.n;
const runsIn = (home: string) => readStore<{mode: string; status: string; error: string | null}>(home, 'select mode, status, error from import_runs order by id');

/** A store holding the people of a real org, imported by an admin, with no saved connection: imported once, copied for each test. */
const storeOfRealPeople = copiedHomePerTest(async (template) => {
	const imported = await runCli(['import', '--all', '--json', ...realOrgArgs()], template.env);
	expect(imported.code, imported.stderr).toBe(0);
	const people = peopleIn(template.home);
	expect(people).toBe((JSON.parse(imported.stdout) as {counts: {create: number}}).counts.create);
	expect(people).toBeGreaterThan(10);
	expect(fs.existsSync(path.join(template.home, 'connection.json'))).toBe(false);
	return {people};
});

describe('no usable saved connection: headless commands never fall back to the demo org', () => {
	it('a cron sync on a store of a real org’s people exits 1, says no org is connected, records a failed run, and creates no one', async () => {
		const {home, env, people} = storeOfRealPeople();
		expect((await runCli(['settings', 'set', 'auto-sync', 'on'], env)).code).toBe(0);

		const result = await runCli(['sync', '--json'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^salesscreen: No Salesforce org is connected; run `salesscreen connect device\|jwt\|token`/);
		expect(peopleIn(home)).toBe(people);
		expect(runsIn(home).at(-1)).toMatchObject({mode: 'auto', status: 'failed', error: expect.stringMatching(/^No Salesforce org is connected/) as string});
	});

	it.each([['{}'], ['[]'], ['"hello"'], ['0'], ['{"connection":{}}']])('import with connection.json holding %s exits non-zero and creates no one', async (content) => {
		const {home, env, people} = storeOfRealPeople();
		fs.writeFileSync(path.join(home, 'connection.json'), content, {mode: 0o600});

		const result = await runCli(['import', '--all', '--json'], env);
		expect(result.code).not.toBe(0);
		expect(result.stderr).toMatch(/^salesscreen: (No Salesforce org is connected|The saved Salesforce connection)/);
		expect(result.stderr).not.toMatch(/TypeError|Cannot read properties|undefined/);
		expect(peopleIn(home)).toBe(people);
	});

	it('a fresh store with no connection is not filled from the demo org either', async () => {
		const {home, env} = tempHome();
		const result = await runCli(['import', '--all'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^salesscreen: No Salesforce org is connected/);
		expect(peopleIn(home)).toBe(0);
	});

	it('a store the demo org started says so, and later commands keep using that demo without flags', async () => {
		const {home, env} = tempHome();
		const first = await runCli(['import', '--all', '--json', '--demo-users', '40'], env);
		expect(first.code, first.stderr).toBe(0);
		const seeded = peopleIn(home);
		expect(seeded).toBeGreaterThan(0);

		const again = await runCli(['import', '--all', '--json'], env);
		expect(again.code, again.stderr).toBe(0);
		const report = JSON.parse(again.stdout) as {counts: {create: number; alreadyImported: number}};
		// The same 40-user demo: everyone is already imported, nobody new.
		expect(report.counts).toMatchObject({create: 0});
		expect(report.counts.alreadyImported).toBeGreaterThan(0);
		expect(peopleIn(home)).toBe(seeded);
	});
});

describe('the store remembers the org it imported from', () => {
	it('refuses the demo org’s users in a store of a real org’s people unless --switch-org', async () => {
		const {home, env, people} = storeOfRealPeople();

		const refused = await runCli(['import', '--all', '--demo-users', '30'], env);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(new RegExp(`^salesscreen: This store holds people imported from the org ${realOrg.orgId} at ${realOrg.instanceUrl.replaceAll('.', '\\.')} since \\d{4}-\\d\\d-\\d\\d; the org in use now is the built-in demo org`));
		expect(peopleIn(home)).toBe(people);

		const switched = await runCli(['import', '--all', '--json', '--demo-users', '30', '--switch-org'], env);
		expect(switched.code, switched.stderr).toBe(0);
		expect(peopleIn(home)).toBeGreaterThan(people);
	});

	it('refuses a sync from another real org, recording the failed run, unless --switch-org', async () => {
		const {home, env, people} = storeOfRealPeople();
		const other = await startDemoOrg({users: 10, seed: 32});
		try {
			await runCli(['settings', 'set', 'auto-sync', 'on'], env);
			const otherArgs = ['--instance-url', other.instanceUrl, '--access-token', other.accessToken];
			const refused = await runCli(['sync', '--json', ...otherArgs], env);
			expect(refused.code).toBe(1);
			expect(refused.stderr).toMatch(/^salesscreen: This store holds people imported from the org /);
			expect(peopleIn(home)).toBe(people);
			expect(runsIn(home).at(-1)).toMatchObject({mode: 'auto', status: 'failed'});

			const switched = await runCli(['sync', '--json', '--switch-org', ...otherArgs], env);
			expect(switched.code, switched.stderr).toBe(0);
			expect(peopleIn(home)).toBeGreaterThan(people);
			// From now on the store belongs to the other org: the first one needs --switch-org in turn.
			expect((await runCli(['import', '--all', ...realOrgArgs()], env)).code).toBe(1);
		} finally {
			await other.close();
		}
	});

	it('the same org again needs nothing', async () => {
		const {env} = storeOfRealPeople();
		expect((await runCli(['import', '--all', ...realOrgArgs()], env)).code).toBe(0);
	});
});
