import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchUsersInBulk} from '../../source/salesforce/bulk-user-source.js';
import {fetchSalesforceUsers, usersQuery} from '../../source/salesforce/user-source.js';
import {get} from '../demo-org/demo-org-client.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 3000, seed: 11});
});

afterAll(async () => {
	await org.close();
});

/** The Bulk API 2.0 query jobs the org has, as its job list answers. */
async function jobCount(): Promise<number> {
	const {body} = await get(org, '/services/data/v62.0/jobs/query', org.accessToken);
	return (body as {records: unknown[]}).records.length;
}

function connect() {
	return openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
}

describe('fetchUsersInBulk over the demo org', () => {
	it('gives exactly the users the REST listing gives, field for field and in the same order, one onBatch per set of results', async () => {
		const rest = await fetchSalesforceUsers(connect(), {bulkThreshold: Number.POSITIVE_INFINITY});
		const progress: Array<{size: number; loaded: number; total: number; apiCalls: number}> = [];
		const bulk = await fetchUsersInBulk(connect(), {
			soql: usersQuery('all'),
			maxRecords: 1000,
			pollDelayMs: 1,
			onBatch(batch, step) {
				progress.push({size: batch.length, ...step});
			},
		});

		expect(bulk).toHaveLength(3000);
		expect(bulk).toEqual(rest);
		// Nulls, booleans and dates as REST has them: some users have no first name, no role, are inactive.
		expect(bulk.some((user) => user.firstName === null)).toBe(true);
		expect(bulk.some((user) => user.roleName === null)).toBe(true);
		expect(bulk.some((user) => !user.isActive)).toBe(true);
		// Create, two looks (UploadComplete → InProgress → JobComplete), then three sets of 1,000.
		expect(progress).toEqual([
			{size: 1000, loaded: 1000, total: 3000, apiCalls: 4},
			{size: 1000, loaded: 2000, total: 3000, apiCalls: 5},
			{size: 1000, loaded: 3000, total: 3000, apiCalls: 6},
		]);
	});

	it('runs the part asked for, the same SOQL as REST', async () => {
		const rest = await fetchSalesforceUsers(connect(), {part: 'importable', bulkThreshold: Number.POSITIVE_INFINITY});
		const bulk = await fetchUsersInBulk(connect(), {soql: usersQuery('importable'), pollDelayMs: 1});
		expect(bulk.map((user) => user.id)).toEqual(rest.map((user) => user.id));
		expect(bulk).toEqual(rest);
	});
});

describe('fetchSalesforceUsers switching to Bulk API 2.0 for a large listing', () => {
	it('reads the first page over REST, the rest from a Bulk job, and returns the REST listing exactly, for fewer calls', async () => {
		const restProgress: number[] = [];
		const rest = await fetchSalesforceUsers(connect(), {
			batchSize: 200,
			bulkThreshold: Number.POSITIVE_INFINITY,
			onBatch(_batch, progress) {
				restProgress.push(progress.apiCalls);
			},
		});
		expect(restProgress.at(-1)).toBe(15);

		const progress: Array<{size: number; loaded: number; total: number; apiCalls: number}> = [];
		const notices: string[] = [];
		const jobsBefore = await jobCount();
		const listed = await fetchSalesforceUsers(connect(), {
			batchSize: 200,
			bulkThreshold: 2500,
			bulkSetSize: 2000,
			bulkPollDelayMs: 1,
			onNotice: (message) => notices.push(message),
			onBatch(batch, step) {
				progress.push({size: batch.length, ...step});
			},
		});

		expect(await jobCount()).toBe(jobsBefore + 1);
		expect(notices).toEqual([]);
		expect(listed).toEqual(rest);
		// 200 from the first page, then the job's two sets without those 200: 1,800 and 1,000.
		expect(progress).toEqual([
			{size: 200, loaded: 200, total: 3000, apiCalls: 1},
			{size: 1800, loaded: 2000, total: 3000, apiCalls: 5},
			{size: 1000, loaded: 3000, total: 3000, apiCalls: 6},
		]);
	});

	it('stays on REST below the threshold', async () => {
		const jobsBefore = await jobCount();
		const users = await fetchSalesforceUsers(connect(), {bulkThreshold: 3000});
		expect(users).toHaveLength(3000);
		expect(await jobCount()).toBe(jobsBefore);
	});
});
