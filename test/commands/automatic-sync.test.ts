import path from 'node:path';
import Database from 'better-sqlite3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';
import {readStore} from '../support/read-store.js';

const tempHome = tempHomesPerTest();

type SyncJson = {
	status: string;
	runId: number | null;
	kind: string;
	fetched: number;
	inScope: number;
	counts: {create: number; deactivate: number; reactivate: number};
	safeguard: {holds: boolean; wouldDeactivate: number; linkedPeople: number};
	releasedRunId: number | null;
	outcomes: Array<{salesforceUserId: string; outcome: string}>;
};

let org: DemoOrg;
beforeAll(async () => {
	org = await startDemoOrg({users: 200, seed: 11});
});
afterAll(async () => {
	await org.close();
});

/** The demo org of this test process, so that the test can change users between two runs of the binary. */
const orgArgs = () => ['--instance-url', org.instanceUrl, '--access-token', org.accessToken];

async function sync(env: NodeJS.ProcessEnv, ...args: string[]) {
	const result = await runCli(['sync', '--json', ...args, ...orgArgs()], env);
	return {code: result.code, stderr: result.stderr, report: JSON.parse(result.stdout || '{}') as SyncJson};
}

const activeOf = (home: string, salesforceUserId: string) =>
	readStore<{active: number}>(home, 'select p.active from people p join salesforce_links l on l.person_id = p.id where l.salesforce_user_id = ?', salesforceUserId)[0]?.active;

describe('salesscreen sync, against an org that changes between runs', () => {
	it('reads only the users changed since the last sync, deactivates a person whose user left, and reactivates on return', async () => {
		const {home, env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		const first = await sync(env);
		expect(first.code).toBe(0);
		// Sync asks only for Standard users (the only ones ever linked or imported), active or not.
		const standard = org.users.filter((user) => user.userType === 'Standard').length;
		expect(standard).toBeLessThan(200);
		expect(first.report).toMatchObject({status: 'completed', kind: 'full', fetched: standard});
		expect(org.queries.at(-1)).toMatch(/ FROM User WHERE UserType = 'Standard' ORDER BY/);
		const linked = first.report.outcomes.find((outcome) => outcome.outcome === 'created')!.salesforceUserId;

		org.updateUser(linked, {isActive: false});
		const second = await sync(env);
		expect(second.report).toMatchObject({status: 'completed', kind: 'incremental', fetched: 1, counts: {create: 0, deactivate: 1}});
		expect(org.queries.at(-1)).toMatch(/WHERE UserType = 'Standard' AND SystemModstamp > \d{4}-/);
		expect(activeOf(home, linked)).toBe(0);

		org.updateUser(linked, {isActive: true});
		const third = await sync(env);
		expect(third.report).toMatchObject({kind: 'incremental', fetched: 1, counts: {deactivate: 0, reactivate: 1}});
		expect(activeOf(home, linked)).toBe(1);
		expect(readStore(home, "select outcome from import_outcomes where outcome in ('deactivated', 'reactivated') order by id")).toEqual([
			{outcome: 'deactivated'},
			{outcome: 'reactivated'},
		]);

		// Import users never deactivates: the same user gone again, imported by hand, stays active in SalesScreen.
		org.updateUser(linked, {isActive: false});
		expect((await runCli(['import', '--id', linked, ...orgArgs()], env)).code).toBe(0);
		expect(activeOf(home, linked)).toBe(1);
		org.updateUser(linked, {isActive: true});
	});

	it('holds a run that would deactivate too many people, exits 5 changing nothing, and runs it on --confirm-held', async () => {
		const {home, env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		const first = await sync(env);
		const created = first.report.outcomes.filter((outcome) => outcome.outcome === 'created').map((outcome) => outcome.salesforceUserId);
		const leaving = created.slice(0, Math.ceil(created.length * 0.3));
		for (const id of leaving) {
			org.updateUser(id, {isActive: false});
		}

		try {
			const held = await sync(env);
			expect(held.code).toBe(5);
			expect(held.report).toMatchObject({status: 'held', safeguard: {holds: true, wouldDeactivate: leaving.length}});
			expect(readStore(home, 'select count(*) as n from people where active = 0')).toEqual([{n: 0}]);
			expect((await runCli(['history'], env)).stdout).toMatch(/HELD, nothing changed/);

			const released = await sync(env, '--confirm-held');
			expect(released.code).toBe(0);
			expect(released.report).toMatchObject({status: 'completed', releasedRunId: held.report.runId, counts: {deactivate: leaving.length}});
			expect(readStore(home, 'select count(*) as n from people where active = 0')).toEqual([{n: leaving.length}]);
			expect(readStore(home, 'select status from import_runs where id = ?', held.report.runId)).toEqual([{status: 'released'}]);
		} finally {
			for (const id of leaving) {
				org.updateUser(id, {isActive: true});
			}
		}
	});

	it('imports only the users in the sync scope set from a script', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		expect((await runCli(['settings', 'set', 'sync-scope', '{"departments":["Sales"]}'], env)).stdout).toBe(
			'sync-scope {"profiles":[],"roles":[],"departments":["Sales"],"userTypes":["Standard"],"activeOnly":true}\n',
		);
		const {report} = await sync(env, '--dry-run');
		const departmentOf = new Map(org.users.map((user) => [user.id, user.department]));
		expect(report.inScope).toBeGreaterThan(10);
		expect(report.inScope).toBeLessThan(report.fetched / 2);
		expect(report.outcomes.length).toBeGreaterThan(10);
		expect(report.outcomes.every((outcome) => departmentOf.get(outcome.salesforceUserId) === 'Sales')).toBe(true);
	});
});

describe('import from a sandbox', () => {
	it('matches emails without the ".invalid" suffix, and says it removed it', async () => {
		const sandbox = await startDemoOrg({users: 40, seed: 4, sandbox: true});
		try {
			const {home, env} = tempHome();
			const emails = sandbox.users.map((user) => user.email?.toLowerCase());
			const unique = (email: string | null) => emails.filter((other) => other === email?.toLowerCase()).length === 1;
			const person = sandbox.users.find((user) => user.userType === 'Standard' && user.isActive && unique(user.email))!;
			await runCli(['history'], env);
			const database = new Database(path.join(home, 'salesscreen.db'));
			database.prepare("insert into people (name, email, email_normalised, origin) values ('Known', ?, ?, 'manual')").run(person.email, person.email!.toLowerCase());
			database.close();

			const result = await runCli(['import', '--all', '--dry-run', '--json', '--instance-url', sandbox.instanceUrl, '--access-token', sandbox.accessToken], env);
			const outcomes = (JSON.parse(result.stdout) as {outcomes: Array<{salesforceUserId: string; outcome: string; emailAdjusted: string | null; detail: string | null}>}).outcomes;
			expect(outcomes.find((outcome) => outcome.salesforceUserId === person.id)).toMatchObject({outcome: 'mapped', emailAdjusted: 'sandbox-suffix-removed'});
			expect(outcomes.filter((outcome) => outcome.outcome === 'created').every((outcome) => outcome.emailAdjusted === 'sandbox-suffix-removed')).toBe(true);
		} finally {
			await sandbox.close();
		}
	});
});
