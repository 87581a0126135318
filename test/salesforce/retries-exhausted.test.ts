import {afterAll, beforeAll, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {describeSalesforceError} from '../../source/salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import type {RetryNotice} from '../../source/salesforce/with-retries.js';

// On its own file so that its back-off (0.5 + 1 + 2 + 4 seconds, each with up to double jitter) runs
// beside the other tests rather than after them.
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
		await fetchSalesforceUsers(openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken}), {
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
