import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {defaultDeviceClientId} from '../../source/core/login-url.js';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {DeviceLoginError, pollDeviceToken, requestDeviceCode, type DeviceCode} from '../../source/salesforce/device-login.js';
import {OAuthError} from '../../source/salesforce/token-endpoint.js';
import {userIdOf} from './demo-logins.js';
import {failureOf} from '../support/failure-of.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 80, seed: 4101, devicePollIntervalSeconds: 0});
});

afterAll(async () => {
	await org.close();
});

describe('requestDeviceCode', () => {
	it("answers the org's verification page, a short user code and the org's interval; ten minutes when no expires_in comes", async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId, () => 1_000_000);
		expect(code.verificationUri).toBe(`${org.instanceUrl}/setup/connect`);
		expect(code.userCode).toMatch(/^[A-Z\d]{8}$/);
		expect(code.deviceCode.length).toBeGreaterThan(20);
		expect(code.intervalSeconds).toBe(0);
		expect(code.expiresAt).toBe(1_000_000 + 600_000);
	});

	it('refuses a client id the org does not know, with the OAuth error', async () => {
		const error = await failureOf(requestDeviceCode(org.instanceUrl, 'not-a-connected-app'));
		expect(error).toBeInstanceOf(OAuthError);
		expect(error).toMatchObject({name: 'invalid_client_id', status: 400});
	});
});

describe('pollDeviceToken against the demo org', () => {
	it('waits while the login is pending, then returns a token with a refresh token once approved', async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId);
		const waits: number[] = [];
		const token = await pollDeviceToken(org.instanceUrl, org.clientId, code, {
			onWait(seconds) {
				waits.push(seconds);
				// Two polls answered authorization_pending; the third finds the approval.
				if (waits.length === 3) {
					org.approveDevice(code.userCode);
				}
			},
		});

		expect(waits).toEqual([0, 0, 0]);
		expect(token.refresh_token).toEqual(expect.any(String));
		expect(token.instance_url).toBe(org.instanceUrl);
		expect(userIdOf(token)).toBe(org.adminUserId);
		const result = await openConnection({instanceUrl: token.instance_url, accessToken: token.access_token}).query<{Id: string}>('SELECT Id FROM User');
		expect(result.totalSize).toBe(80);
	});

	it('uses the device code up: polling it again after the token is an OAuth error, not a token', async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId);
		org.approveDevice(code.userCode);
		await pollDeviceToken(org.instanceUrl, org.clientId, code);
		const error = await failureOf(pollDeviceToken(org.instanceUrl, org.clientId, code));
		expect(error).toBeInstanceOf(OAuthError);
		expect(error).not.toBeInstanceOf(DeviceLoginError);
		expect(error).toMatchObject({name: 'invalid_grant'});
	});

	it("fails as 'denied' when the login is refused on the verification page", async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId);
		let polls = 0;
		const error = await failureOf(
			pollDeviceToken(org.instanceUrl, org.clientId, code, {
				onWait() {
					polls++;
					if (polls === 2) {
						org.approveDevice(code.userCode, {deny: true});
					}
				},
			}),
		);
		expect(error).toBeInstanceOf(DeviceLoginError);
		expect((error as DeviceLoginError).reason).toBe('denied');
		expect((error as Error).message).toMatch(/denied/);
		expect(polls).toBe(2);
	});

	it("fails as 'cancelled' at once when the signal is aborted during a wait", async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId);
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => {
			controller.abort();
		}, 50);
		// A 30-second interval: only the cancellation can end this quickly.
		const error = await failureOf(pollDeviceToken(org.instanceUrl, org.clientId, {...code, intervalSeconds: 30}, {signal: controller.signal}));
		expect(error).toBeInstanceOf(DeviceLoginError);
		expect((error as DeviceLoginError).reason).toBe('cancelled');
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it("fails as 'cancelled' when the signal is aborted while a poll is on its way", async () => {
		const slow = await startDemoOrg({users: 5, seed: 4102, devicePollIntervalSeconds: 0});
		try {
			const code = await requestDeviceCode(slow.instanceUrl, slow.clientId);
			slow.setFaults({latencyMs: 5000});
			const controller = new AbortController();
			const started = Date.now();
			const polling = pollDeviceToken(slow.instanceUrl, slow.clientId, code, {
				signal: controller.signal,
				onWait() {
					setTimeout(() => {
						controller.abort();
					}, 100);
				},
			});
			const error = await failureOf(polling);
			expect(error).toBeInstanceOf(DeviceLoginError);
			expect((error as DeviceLoginError).reason).toBe('cancelled');
			expect(Date.now() - started).toBeLessThan(2000);
		} finally {
			await slow.close();
		}
	});

	it("fails as 'cancelled' without polling when the signal was aborted before", async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId);
		org.approveDevice(code.userCode);
		const error = await failureOf(pollDeviceToken(org.instanceUrl, org.clientId, code, {signal: AbortSignal.abort()}));
		expect((error as DeviceLoginError).reason).toBe('cancelled');
		// The approved code was not used up by a poll: it still gives its token.
		const token = await pollDeviceToken(org.instanceUrl, org.clientId, code);
		expect(userIdOf(token)).toBe(org.adminUserId);
	});

	it("fails as 'expired' when the org says the code expired before approval", async () => {
		const shortLived = await startDemoOrg({users: 5, seed: 4103, devicePollIntervalSeconds: 1, deviceCodeLifetimeSeconds: 1});
		try {
			const code = await requestDeviceCode(shortLived.instanceUrl, shortLived.clientId);
			expect(code.intervalSeconds).toBe(1);
			const error = await failureOf(pollDeviceToken(shortLived.instanceUrl, shortLived.clientId, code));
			expect(error).toBeInstanceOf(DeviceLoginError);
			expect((error as DeviceLoginError).reason).toBe('expired');
			expect((error as Error).message).toContain(code.userCode);
		} finally {
			await shortLived.close();
		}
	});

	it("fails as 'expired' without polling once its own deadline has passed", async () => {
		const code = await requestDeviceCode(org.instanceUrl, org.clientId);
		org.approveDevice(code.userCode);
		const waits: number[] = [];
		const error = await failureOf(
			pollDeviceToken(org.instanceUrl, org.clientId, code, {
				now: () => code.expiresAt,
				onWait(seconds) {
					waits.push(seconds);
				},
			}),
		);
		expect((error as DeviceLoginError).reason).toBe('expired');
		expect(waits).toEqual([]);
	});

	it("accepts the default client id, the Salesforce CLI's PlatformCLI, whose refresh token then renews sessions", async () => {
		expect(defaultDeviceClientId).toBe('PlatformCLI');
		const code = await requestDeviceCode(org.instanceUrl, defaultDeviceClientId);
		org.approveDevice(code.userCode);
		const token = await pollDeviceToken(org.instanceUrl, defaultDeviceClientId, code);
		expect(token.refresh_token).toEqual(expect.any(String));

		org.expireSessions();
		const connection = openConnection({
			instanceUrl: token.instance_url,
			accessToken: token.access_token,
			refreshToken: token.refresh_token,
			clientId: defaultDeviceClientId,
			loginUrl: org.instanceUrl,
		});
		const renewed: string[] = [];
		connection.on('refresh', (accessToken: string) => {
			renewed.push(accessToken);
		});
		const result = await connection.query<{Id: string}>('SELECT Id FROM User');
		expect(result.totalSize).toBe(80);
		expect(renewed).toHaveLength(1);
	});
});

describe('pollDeviceToken against a login host that answers slow_down', () => {
	type Script = Array<{status: number; body: unknown}>;
	let server: Server;
	let loginUrl: string;
	let script: Script = [];
	let polls: URLSearchParams[] = [];

	beforeAll(async () => {
		server = createServer((request, response) => {
			let text = '';
			request.setEncoding('utf8');
			request.on('data', (chunk: string) => {
				text += chunk;
			});
			request.on('end', () => {
				polls.push(new URLSearchParams(text));
				const next = script.shift() ?? {status: 500, body: 'script ran out'};
				response.writeHead(next.status, {'Content-Type': typeof next.body === 'string' ? 'text/plain' : 'application/json'});
				response.end(typeof next.body === 'string' ? next.body : JSON.stringify(next.body));
			});
		});
		await new Promise<void>((resolve) => {
			server.listen(0, '127.0.0.1', resolve);
		});
		loginUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => {
			server.close(resolve);
		});
	});

	const code: DeviceCode = {deviceCode: 'device-123', userCode: 'BCDF2345', verificationUri: 'http://x/setup/connect', intervalSeconds: 0, expiresAt: Date.now() + 600_000};

	// The token after slow_down is never fetched: RFC 8628 makes the next wait 5 seconds, so the test stops
	// (cancels) as soon as the poller announces that longer wait.
	it('adds five seconds to the interval after slow_down, and sends the device code with the device grant', async () => {
		polls = [];
		script = [
			{status: 400, body: {error: 'slow_down', error_description: 'polling too frequently'}},
			{status: 200, body: {access_token: 'never-reached'}},
		];
		const controller = new AbortController();
		const waits: number[] = [];
		const started = Date.now();
		const error = await failureOf(
			pollDeviceToken(loginUrl, 'client-1', code, {
				signal: controller.signal,
				onWait(seconds) {
					waits.push(seconds);
					if (waits.length === 2) {
						controller.abort();
					}
				},
			}),
		);
		expect(waits).toEqual([0, 5]);
		expect((error as DeviceLoginError).reason).toBe('cancelled');
		expect(polls).toHaveLength(1);
		expect(Object.fromEntries(polls[0]!)).toEqual({grant_type: 'device', client_id: 'client-1', code: 'device-123'});
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('passes on an answer that is not a device-flow refusal as the OAuth error it is', async () => {
		polls = [];
		script = [
			{status: 400, body: {error: 'authorization_pending'}},
			{status: 503, body: 'Service Unavailable'},
		];
		const error = await failureOf(pollDeviceToken(loginUrl, 'client-1', code));
		expect(error).toBeInstanceOf(OAuthError);
		expect(error).not.toBeInstanceOf(DeviceLoginError);
		expect(error).toMatchObject({name: 'ERROR_HTTP_503', status: 503});
		expect(polls).toHaveLength(2);
	});
});
