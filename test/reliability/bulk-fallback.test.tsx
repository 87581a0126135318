import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession} from '../../source/session.js';
import {App} from '../../source/ui/app.js';
import {inkDriver, openSalesforceDashboard} from '../support/ink-driver.js';
import {makeTempHome} from '../support/temp-home.js';
import {runCli} from '../support/run-cli.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import {json, startMisbehavingOrg, userRecord, wellBehaved, type Reply} from './misbehaving-org.js';

const servers: Array<{close: () => Promise<unknown>}> = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => server.close()));
});

const total = 600;
const pageSize = 200;
const records = Array.from({length: total}, (_, index) => userRecord(index + 1));

/** A REST listing of 600 users in pages of 200, as query and queryMore answer it. */
function restPage(url: URL): Reply | undefined {
	const start = url.searchParams.get('q')?.startsWith('SELECT Id, FirstName') ? 0 : /\/query\/01gX-(\d+)$/.exec(url.pathname) ? Number(/-(\d+)$/.exec(url.pathname)![1]) : undefined;
	if (start === undefined) {
		return undefined;
	}

	const end = start + pageSize;
	return json({totalSize: total, done: end >= total, ...(end < total ? {nextRecordsUrl: `/services/data/v62.0/query/01gX-${end}`} : {}), records: records.slice(start, end)});
}

/** An org that lists its users over REST and answers Bulk API 2.0 job requests with `bulk`. */
async function orgWhoseBulk(bulk: (url: URL, method: string) => Reply) {
	const jobs: string[] = [];
	const org = await startMisbehavingOrg((url, request) => {
		if (url.pathname.includes('/jobs/query')) {
			jobs.push(`${request.method} ${url.pathname}`);
			return bulk(url, request.method ?? 'GET');
		}

		return restPage(url) ?? wellBehaved(url, () => org.instanceUrl);
	});
	servers.push(org);
	return {org, jobs};
}

const connect = (instanceUrl: string) => openConnection({instanceUrl, accessToken: 'token', limits: {retryDelayMs: 1}});

async function listWithBulkFrom(instanceUrl: string) {
	const notices: string[] = [];
	const calls: number[] = [];
	const users = await fetchSalesforceUsers(connect(instanceUrl), {
		bulkThreshold: 100,
		bulkPollDelayMs: 1,
		onNotice: (message) => notices.push(message),
		onBatch(_batch, progress) {
			calls.push(progress.apiCalls);
		},
	});
	return {users, notices, calls};
}

describe('a large listing falls back to the REST query when the org will not run it in Bulk', () => {
	it('an org that refuses to create the job (403 API_DISABLED_FOR_ORG) still lists everyone, and says why', async () => {
		const {org, jobs} = await orgWhoseBulk(() => ({status: 403, body: JSON.stringify([{errorCode: 'API_DISABLED_FOR_ORG', message: 'The Bulk API is not enabled for this organization'}])}));
		const {users, notices, calls} = await listWithBulkFrom(org.instanceUrl);

		expect(jobs).toEqual(['POST /services/data/v62.0/jobs/query']);
		expect(users.map((user) => user.id)).toEqual(records.map((record) => record.Id));
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/^Listing the rest over the REST query: http:\/\/127\.0\.0\.1:\d+ refused a Bulk API 2\.0 query job \(HTTP 403 API_DISABLED_FOR_ORG: The Bulk API is not enabled for this organization\)\.$/);
		// Page 1, the refused job, pages 2 and 3: the REST cursor went on where it was.
		expect(calls).toEqual([1, 3, 4]);
	});

	it('a job that fails is given up for REST, with the error the job gave', async () => {
		const job = {id: '750000000000001AAA', operation: 'query', object: 'User', contentType: 'CSV', apiVersion: 62};
		const {org, jobs} = await orgWhoseBulk((url, method) =>
			method === 'POST' ? json({...job, state: 'UploadComplete'}) : json({...job, state: 'Failed', errorMessage: 'InternalServerError'}),
		);
		const {users, notices} = await listWithBulkFrom(org.instanceUrl);

		expect(jobs).toEqual(['POST /services/data/v62.0/jobs/query', 'GET /services/data/v62.0/jobs/query/750000000000001AAA']);
		expect(users).toHaveLength(total);
		expect(notices).toEqual([expect.stringMatching(/the Bulk API 2\.0 query job 750000000000001AAA on http:\/\/127\.0\.0\.1:\d+ failed: InternalServerError\.$/)]);
	});

	it('results that are not CSV of the user fields are refused in words, not read as shifted columns', async () => {
		const job = {id: '750000000000001AAA', operation: 'query', object: 'User'};
		const {org} = await orgWhoseBulk((url, method) => {
			if (url.pathname.endsWith('/results')) {
				return {contentType: 'text/csv', body: '"Id","LastName"\n"005000000000001AAA","Person"\n'};
			}

			return json({...job, state: method === 'POST' ? 'UploadComplete' : 'JobComplete', numberRecordsProcessed: total});
		});
		await expect(listWithBulkFrom(org.instanceUrl)).rejects.toThrow(/set 1 of the results of Bulk API 2\.0 job 750000000000001AAA and got CSV that is not what Salesforce sends \(its columns are Id, LastName, not Id, FirstName/);
	});
});

describe('the app over an org that refuses Bulk', () => {
	it('lists everyone over REST and the Overview tab says why, with the calls it cost', async () => {
		const {org} = await orgWhoseBulk(() => ({status: 403, body: JSON.stringify([{errorCode: 'API_DISABLED_FOR_ORG', message: 'The Bulk API is not enabled for this organization'}])}));
		const home = makeTempHome();
		const session = await openSession({kind: 'token', instanceUrl: org.instanceUrl, accessToken: 'token'}, {...home.env, SALESSCREEN_BULK_THRESHOLD: '100', SALESSCREEN_RETRY_DELAY: '1ms'});
		const rendered = render(<App services={session.services} size={{columns: 160, rows: 34}} />);
		try {
			const driver = inkDriver(rendered);
			await openSalesforceDashboard(driver);
			// Three REST pages and the refused job.
			await driver.waitFor(/Salesforce users +600 loaded · 4 API calls/);
			await driver.waitFor(/Bulk API +Listing the rest over the REST query: http:\/\/127\.0\.0\.1:\d+ refused a Bulk API 2\.0 query job \(HTTP 403/);
			// The sentence wraps on the screen: the org's own words are on the next line.
			expect(driver.frame().replaceAll(/\s+/g, ' ')).toContain('API_DISABLED_FOR_ORG: The Bulk API is not enabled for this organization');
		} finally {
			rendered.unmount();
			await session.close();
			home.remove();
		}
	});
});

describe('import over an org that refuses Bulk', () => {
	it('plans everyone and says on stderr that the listing went on over REST, and why', async () => {
		const {org} = await orgWhoseBulk(() => ({status: 403, body: JSON.stringify([{errorCode: 'INSUFFICIENT_ACCESS', message: 'The user does not have the API Enabled permission'}])}));
		const home = makeTempHome();
		try {
			const result = await runCli(['import', '--instance-url', org.instanceUrl, '--access-token', 'token', '--all', '--dry-run', '--json'], {
				...home.env,
				SALESSCREEN_BULK_THRESHOLD: '100',
				SALESSCREEN_RETRY_DELAY: '1ms',
			});
			expect(result.code).toBe(0);
			expect((JSON.parse(result.stdout) as {selected: number}).selected).toBe(total);
			expect(result.stderr).toMatch(/^salesscreen: Listing the rest over the REST query: http:\/\/127\.0\.0\.1:\d+ refused a Bulk API 2\.0 query job \(HTTP 403 INSUFFICIENT_ACCESS: The user does not have the API Enabled permission\)\.\n$/);
		} finally {
			home.remove();
		}
	});
});
