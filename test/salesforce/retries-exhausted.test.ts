import {afterAll, beforeAll, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {describeSalesforceError} from '../../source/salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import type {RetryNotice} from '../../source/salesforce/with-retries.js';

// The back-off is set small (SALESSCREEN_RETRY_DELAY's setting, given to the connection): what is
// asserted is the number of attempts and the words, not the waiting.
let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 50, seed: 4410, faults: {failNext: 50}});
});

afterAll(async () => {
	await org.close();
});

it('a listing that keeps meeting 503s fails after five attempts (four retries by default), with a retryable description', async () => {
	const notices: RetryNotice[] = [];
	let failure: unknown;
	try {
		await fetchSalesforceUsers(openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken, limits: {retryDelayMs: 1}}), {
			onRetry(notice) {
				notices.push(notice);
			},
		});
	} catch (error: unknown) {
		failure = error;
	}

	expect(failure).toBeInstanceOf(Error);
	expect(org.faults.failNext).toBe(45);
	expect(notices.map((notice) => notice.attempt)).toEqual([2, 3, 4, 5]);
	expect(notices.every((notice) => notice.attempts === 5 && notice.reason.includes('SERVER_UNAVAILABLE'))).toBe(true);
	expect(describeSalesforceError(failure)).toMatchObject({code: 'SERVER_UNAVAILABLE', retryable: true});
});
