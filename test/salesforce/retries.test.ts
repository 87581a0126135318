import {z} from 'zod';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg, type DemoOrgOptions} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import {describeSalesforceError} from '../../source/salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import {withRetries, type RetryNotice} from '../../source/salesforce/with-retries.js';
import {restGet} from '../../source/salesforce/rest-get.js';
import {failureOf} from '../support/failure-of.js';

const orgs: DemoOrg[] = [];

async function demoOrg(options: DemoOrgOptions): Promise<DemoOrg> {
	const org = await startDemoOrg(options);
	orgs.push(org);
	return org;
}

afterEach(async () => {
	await Promise.all(orgs.splice(0).map(async (org) => org.close()));
});

/**
 * A connection whose back-off is 1 ms (what SALESSCREEN_RETRY_DELAY sets): the tests count attempts and read
 * the words, not the waiting. `realBackOff` keeps the default, for the one test about how long a caller waits.
 */
function connect(org: DemoOrg, {realBackOff = false} = {}) {
	return openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken, ...(realBackOff ? {} : {limits: {retryDelayMs: 1}})});
}

describe('fetchSalesforceUsers retries', () => {
	it('gets past two 503s, telling onRetry of attempts 2 and 3 and why', async () => {
		const org = await demoOrg({users: 500, seed: 4401, faults: {failNext: 2}});
		const notices: RetryNotice[] = [];
		const users = await fetchSalesforceUsers(connect(org), {
			onRetry(notice) {
				notices.push(notice);
			},
		});

		expect(users).toHaveLength(500);
		expect(notices.map((notice) => notice.attempt)).toEqual([2, 3]);
		expect(notices.every((notice) => notice.attempts === 5)).toBe(true);
		expect(notices.every((notice) => notice.reason.includes('SERVER_UNAVAILABLE'))).toBe(true);
		expect(org.faults.failNext).toBe(0);
	});

	// A retry waits at most a second here; a listing still unsettled after this long is stuck, not retrying.
	const stuckAfterMs = 5000;

	it('reads a page again when the connection breaks off mid-page, with no user twice and none missing', async () => {
		const org = await demoOrg({users: 1000, seed: 4402});
		const clean = await fetchSalesforceUsers(connect(org), {batchSize: 200});
		const notices: RetryNotice[] = [];
		let batches = 0;
		const deadline = new AbortController();
		const timer = setTimeout(() => {
			deadline.abort(new Error(`the listing neither completed nor failed within ${stuckAfterMs} ms after a page broke off mid-body`));
		}, stuckAfterMs);
		try {
			const users = await fetchSalesforceUsers(connect(org), {
				batchSize: 200,
				signal: deadline.signal,
				onBatch() {
					batches++;
					// The third page (a queryMore) breaks off half-way.
					if (batches === 2) {
						org.setFaults({resetMidPage: 1});
					}
				},
				onRetry(notice) {
					notices.push(notice);
				},
			});

			expect(org.faults.resetMidPage).toBe(0);
			expect(notices).toHaveLength(1);
			expect(batches).toBe(5);
			expect(users).toHaveLength(1000);
			expect(new Set(users.map((user) => user.id)).size).toBe(1000);
			expect(users.map((user) => user.id)).toEqual(clean.map((user) => user.id));
		} finally {
			clearTimeout(timer);
		}
	});

	it('gives up after the retries it was allowed, with a retryable description', async () => {
		const org = await demoOrg({users: 50, seed: 4404, faults: {failNext: 50}});
		const notices: RetryNotice[] = [];
		const error = await failureOf(
			fetchSalesforceUsers(connect(org), {
				retries: 1,
				onRetry(notice) {
					notices.push(notice);
				},
			}),
		);
		expect(org.faults.failNext).toBe(48);
		expect(notices.map((notice) => [notice.attempt, notice.attempts])).toEqual([[2, 2]]);
		expect(describeSalesforceError(error)).toMatchObject({code: 'SERVER_UNAVAILABLE', retryable: true});
	});

	it('gives up a listing that keeps meeting 503s after five attempts (four retries) by default', async () => {
		const org = await demoOrg({users: 50, seed: 4410, faults: {failNext: 50}});
		const notices: RetryNotice[] = [];
		const error = await failureOf(
			fetchSalesforceUsers(connect(org), {
				onRetry(notice) {
					notices.push(notice);
				},
			}),
		);
		expect(org.faults.failNext).toBe(45);
		expect(notices.map((notice) => [notice.attempt, notice.attempts])).toEqual([
			[2, 5],
			[3, 5],
			[4, 5],
			[5, 5],
		]);
		expect(notices.every((notice) => notice.reason.includes('SERVER_UNAVAILABLE'))).toBe(true);
		expect(describeSalesforceError(error)).toMatchObject({code: 'SERVER_UNAVAILABLE', retryable: true});
	});

	it('fails at once, without retrying, when the daily API allowance is used up', async () => {
		const org = await demoOrg({users: 50, seed: 4405, apiDailyLimit: 2});
		const connection = connect(org);
		await connection.query('SELECT Id FROM User LIMIT 1');
		await connection.query('SELECT Id FROM User LIMIT 1');
		const notices: RetryNotice[] = [];
		const started = Date.now();
		const error = await failureOf(
			fetchSalesforceUsers(connection, {
				onRetry(notice) {
					notices.push(notice);
				},
			}),
		);
		expect(Date.now() - started).toBeLessThan(400);
		expect(notices).toEqual([]);
		expect(describeSalesforceError(error)).toMatchObject({code: 'REQUEST_LIMIT_EXCEEDED', retryable: true});
	});
});

describe('withRetries with its default policy', () => {
	it('makes five attempts in all (four retries) before passing the failure on', async () => {
		const org = await demoOrg({users: 10, seed: 4406, faults: {failNext: 50}});
		const connection = connect(org);
		const notices: RetryNotice[] = [];
		let attempts = 0;
		const error = await failureOf(
			withRetries(
				async () => {
					attempts++;
					return restGet(connection, `/services/data/v${connection.version}/limits`, {schema: z.unknown(), asked: 'the limits', kind: 'connection-test'});
				},
				{
					minTimeoutMs: 1,
					onRetry(notice) {
						notices.push(notice);
					},
				},
			),
		);
		expect(attempts).toBe(5);
		expect(org.faults.failNext).toBe(45);
		expect(notices.map((notice) => notice.attempt)).toEqual([2, 3, 4, 5]);
		expect(describeSalesforceError(error)).toMatchObject({code: 'SERVER_UNAVAILABLE', retryable: true});
	});

	it('does not retry what an admin must act on', async () => {
		const org = await demoOrg({users: 10, seed: 4407});
		const connection = openConnection({instanceUrl: org.instanceUrl, accessToken: 'not-a-session'});
		let attempts = 0;
		const error = await failureOf(
			withRetries(async () => {
				attempts++;
				return restGet(connection, `/services/data/v${connection.version}/limits`, {schema: z.unknown(), asked: 'the limits', kind: 'connection-test'});
			}),
		);
		expect(attempts).toBe(1);
		expect(describeSalesforceError(error).code).toBe('INVALID_SESSION_ID');
	});
});

describe('fetchOrgOverview retries', () => {
	it('gets past a 503 and tells onRetry', async () => {
		const org = await demoOrg({users: 20, seed: 4408, faults: {failNext: 1}});
		const notices: RetryNotice[] = [];
		const overview = await fetchOrgOverview(connect(org), {
			onRetry(notice) {
				notices.push(notice);
			},
		});
		expect(overview.userId).toBe(org.adminUserId);
		expect(notices).toEqual([{attempt: 2, attempts: 3, reason: expect.stringContaining('SERVER_UNAVAILABLE')}]);
	});

	it('gives up after three attempts of a call by default, so a connection test answers within seconds', async () => {
		const org = await demoOrg({users: 20, seed: 4409, faults: {failNext: 50}});
		const started = Date.now();
		const error = await failureOf(fetchOrgOverview(connect(org, {realBackOff: true})));
		expect(org.faults.failNext).toBe(47);
		expect(describeSalesforceError(error)).toMatchObject({code: 'SERVER_UNAVAILABLE', retryable: true});
		expect(Date.now() - started).toBeLessThan(3000);
	});
});
