import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import type {SalesObject} from '../../source/core/sync-scope.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

type SyncJson = {status: string; kind: string; fetched: number; activityOwners: number | null; outcomes: Array<{salesforceUserId: string; outcome: string; reason: string | null}>};

let org: DemoOrg;
beforeAll(async () => {
	org = await startDemoOrg({users: 200, seed: 11});
});
afterAll(async () => {
	await org.close();
});

async function sync(env: NodeJS.ProcessEnv) {
	const result = await runCli(['sync', '--json', '--instance-url', org.instanceUrl, '--access-token', org.accessToken], env);
	expect(result.stderr).toBe('');
	return JSON.parse(result.stdout) as SyncJson;
}

const dayMs = 24 * 60 * 60 * 1000;

/** The owners of records changed in the last `days` days, worked out from every record, without a semi-join. */
async function recentOwners(objects: readonly SalesObject[], days: number): Promise<string[]> {
	const connection = openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
	const now = new Date();
	const since = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * dayMs;
	const owners = new Set<string>();
	for (const object of objects) {
		// eslint-disable-next-line no-await-in-loop
		const {records} = await connection.query<{OwnerId: string; LastModifiedDate: string}>(`SELECT OwnerId, LastModifiedDate FROM ${object}`, {autoFetch: true, maxFetch: 100_000});
		for (const record of records) {
			if (Date.parse(record.LastModifiedDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) >= since) {
				owners.add(record.OwnerId);
			}
		}
	}

	return [...owners].sort();
}

const created = (report: SyncJson) =>
	report.outcomes
		.filter((outcome) => outcome.outcome === 'created')
		.map((outcome) => outcome.salesforceUserId)
		.sort();

describe('salesscreen sync with the sales activity scope', () => {
	it('creates exactly the owners of Opportunities, Tasks or Events changed in the last 30 days', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		await runCli(['settings', 'set', 'sync-scope', '{"activity":true,"userTypes":[],"activeOnly":false}'], env);
		const report = await sync(env);
		const expected = await recentOwners(['Opportunity', 'Task', 'Event'], 30);
		// Sync asks Salesforce only for Standard users, the only ones it can import or link.
		const standard = org.users.filter((user) => user.userType === 'Standard').length;
		expect(report).toMatchObject({status: 'completed', kind: 'full', fetched: standard, activityOwners: expected.length});
		expect(expected.length).toBeLessThan(100);
		// Every owner is planned, and nobody else; Import users' rules then create the active ones, one per email.
		expect(report.outcomes.map((outcome) => outcome.salesforceUserId).sort()).toEqual(expected);
		const active = new Set(org.users.filter((user) => user.isActive).map((user) => user.id));
		const sharedEmail = report.outcomes.filter((outcome) => outcome.outcome === 'skipped' && outcome.reason === 'duplicate-email-in-selection').map((outcome) => outcome.salesforceUserId);
		expect(created(report)).toEqual(expected.filter((id) => active.has(id) && !sharedEmail.includes(id)));
		expect(created(report).length).toBeGreaterThan(50);
	});

	it('takes the objects and days picked, together with the rest of the scope', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		await runCli(['settings', 'set', 'sync-scope', '{"activity":{"objects":["Task"],"days":7}}'], env);
		const report = await sync(env);
		const activeStandard = new Set(org.users.filter((user) => user.isActive && user.userType === 'Standard').map((user) => user.id));
		const expected = (await recentOwners(['Task'], 7)).filter((id) => activeStandard.has(id));
		expect(expected.length).toBeGreaterThan(0);
		expect(created(report)).toEqual(expected);
	});

	it('on an incremental run, creates nobody without activity even when their user changed', async () => {
		const {env} = tempHome();
		await runCli(['settings', 'set', 'auto-sync', 'on'], env);
		await runCli(['settings', 'set', 'sync-scope', '{"activity":{"objects":["Opportunity"]},"userTypes":[],"activeOnly":false}'], env);
		const first = await sync(env);
		const owners = new Set(await recentOwners(['Opportunity'], 30));
		expect(first.outcomes.map((outcome) => outcome.salesforceUserId).sort()).toEqual([...owners].sort());

		const idle = org.users.find((user) => !owners.has(user.id) && user.id !== org.adminUserId && user.userType === 'Standard')!;
		org.updateUser(idle.id, {title: 'Changed in Setup'});
		const second = await sync(env);
		expect(second).toMatchObject({status: 'completed', kind: 'incremental', fetched: 1, activityOwners: owners.size});
		expect(created(second)).toEqual([]);
	});
});
