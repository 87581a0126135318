import {Connection} from 'jsforce';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {DemoOrgError, startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {get, queryPath, token} from './demo-org-client.js';

let org: DemoOrg;
const userQuery = queryPath('SELECT Id, LastName FROM User ORDER BY Id');

beforeAll(async () => {
	org = await startDemoOrg({users: 2500, seed: 21});
});

afterEach(() => {
	org.setFaults({latencyMs: 0, failureRate: 0, failNext: 0, resetMidPage: 0, rejectAllSessions: false});
});

afterAll(async () => {
	await org.close();
});

const limits = async (accessToken = org.accessToken) => get(org, '/services/data/v62.0/limits', accessToken);
const refresh = async () => token(org, {grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken});

async function statuses(target: DemoOrg, calls: number): Promise<number[]> {
	const seen: number[] = [];
	for (let call = 0; call < calls; call++) {
		seen.push((await get(target, '/services/data/v62.0/limits', target.accessToken)).status);
	}

	return seen;
}

describe('failNext', () => {
	it('answers the next N REST calls 503 SERVER_UNAVAILABLE, uncounted, then recovers', async () => {
		const before = (await limits()).body.DailyApiRequests.Remaining as number;
		org.setFaults({failNext: 2});
		expect(org.faults.failNext).toBe(2);
		for (let call = 0; call < 2; call++) {
			const failed = await limits();
			expect(failed.status).toBe(503);
			expect(failed.headers.get('content-type')).toBe('application/json;charset=UTF-8');
			expect(failed.body).toEqual([{message: expect.any(String), errorCode: 'SERVER_UNAVAILABLE'}]);
			expect(failed.headers.get('sforce-limit-info')).toBeNull();
		}

		expect(org.faults.failNext).toBe(0);
		const after = await limits();
		expect(after.status).toBe(200);
		expect(after.body.DailyApiRequests.Remaining).toBe(before - 1);
	});

	it('spares the OAuth token endpoint', async () => {
		org.setFaults({failNext: 1});
		expect((await refresh()).status).toBe(200);
		expect((await limits()).status).toBe(503);
	});

	it('is retried through by jsforce, which retries 503 by default', async () => {
		org.setFaults({failNext: 2});
		const connection = new Connection({instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '62.0'});
		expect((await connection.query('SELECT COUNT() FROM User')).totalSize).toBe(2500);
		expect(org.faults.failNext).toBe(0);
	});
});

describe('failureRate', () => {
	it('fails about that share of REST calls, the same calls for the same seed', async () => {
		const twin = await startDemoOrg({users: 5, seed: 21, faults: {failureRate: 0.5}});
		try {
			org.setFaults({failureRate: 0.5});
			const ours = await statuses(org, 40);
			const theirs = await statuses(twin, 40);
			expect(ours).toEqual(theirs);
			const failed = ours.filter((status) => status === 503).length;
			expect(failed).toBeGreaterThan(8);
			expect(failed).toBeLessThan(32);
			expect(new Set(ours)).toEqual(new Set([200, 503]));
			// Setting the rate again starts the sequence again.
			org.setFaults({failureRate: 0.5});
			expect(await statuses(org, 40)).toEqual(ours);
		} finally {
			await twin.close();
		}
	});

	it('fails every call at 1 and none at 0', async () => {
		org.setFaults({failureRate: 1});
		expect(new Set(await statuses(org, 5))).toEqual(new Set([503]));
		org.setFaults({failureRate: 0});
		expect(new Set(await statuses(org, 5))).toEqual(new Set([200]));
	});
});

describe('latencyMs', () => {
	it('delays REST calls and the token endpoint alike', async () => {
		org.setFaults({latencyMs: 150});
		let started = performance.now();
		expect((await limits()).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
		started = performance.now();
		expect((await refresh()).status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
		org.setFaults({latencyMs: 0});
		started = performance.now();
		await limits();
		expect(performance.now() - started).toBeLessThan(140);
	});
});

describe('resetMidPage', () => {
	it('sends part of a query page, then drops the connection; the next page arrives whole', async () => {
		org.setFaults({resetMidPage: 1});
		const response = await fetch(`${org.instanceUrl}${userQuery}`, {headers: {Authorization: `Bearer ${org.accessToken}`}});
		expect(response.status).toBe(200);
		await expect(response.text()).rejects.toThrow();
		expect(org.faults.resetMidPage).toBe(0);
		const whole = await get(org, userQuery, org.accessToken);
		expect(whole.body.records).toHaveLength(2000);
	});

	it('breaks queryMore pages too, and the same locator can be read again, even the last page', async () => {
		const first = await get(org, userQuery, org.accessToken);
		org.setFaults({resetMidPage: 1});
		const broken = await fetch(`${org.instanceUrl}${first.body.nextRecordsUrl}`, {headers: {Authorization: `Bearer ${org.accessToken}`}});
		await expect(broken.text()).rejects.toThrow();
		const retried = await get(org, first.body.nextRecordsUrl, org.accessToken);
		expect(retried.status).toBe(200);
		expect(retried.body).toMatchObject({done: true, totalSize: 2500});
		expect(retried.body.records).toHaveLength(500);
	});

	it('spares error answers and other resources', async () => {
		org.setFaults({resetMidPage: 1});
		expect((await get(org, queryPath('SELECT Nope FROM User'), org.accessToken)).status).toBe(400);
		expect((await limits()).status).toBe(200);
		expect(org.faults.resetMidPage).toBe(1);
	});
});

describe('rejectAllSessions', () => {
	it('answers 401 to every REST call even right after a successful refresh', async () => {
		org.setFaults({rejectAllSessions: true});
		expect(await limits()).toMatchObject({status: 401, body: [{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'}]});
		const renewed = await refresh();
		expect(renewed.status).toBe(200);
		expect((await limits(renewed.body.access_token)).status).toBe(401);
		expect((await get(org, '/services/oauth2/userinfo', renewed.body.access_token)).status).toBe(401);
		org.setFaults({rejectAllSessions: false});
		expect((await limits(renewed.body.access_token)).status).toBe(200);
	});
});

describe('faults option', () => {
	it('applies faults from the start, and refuses impossible ones', async () => {
		const failing = await startDemoOrg({users: 5, faults: {failNext: 1, rejectAllSessions: false}});
		try {
			expect(failing.faults).toEqual({latencyMs: 0, failureRate: 0, failNext: 1, resetMidPage: 0, rejectAllSessions: false});
			expect((await get(failing, '/services/data/v62.0/limits', failing.accessToken)).status).toBe(503);
			expect(() => {
				failing.setFaults({latencyMs: -1});
			}).toThrow(DemoOrgError);
			expect(() => {
				failing.setFaults({failNext: 0.5});
			}).toThrow(/failNext/);
		} finally {
			await failing.close();
		}

		await expect(startDemoOrg({users: 5, faults: {failureRate: 1.5}})).rejects.toThrow(/failureRate/);
	});
});
