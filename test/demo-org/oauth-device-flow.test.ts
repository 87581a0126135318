import {testClock} from '../support/test-clock.js';
import {Connection} from 'jsforce';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DemoOrgError, startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {get, pollDevice, postForm, startDeviceLogin, token, whoAmI} from './demo-org-client.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 60, seed: 11, devicePollIntervalSeconds: 0});
});

afterAll(async () => {
	await org.close();
});

describe('device flow: asking for codes', () => {
	it("answers Salesforce's shape, with the verification page of the org", async () => {
		const {status, headers, body} = await token(org, {response_type: 'device_code', client_id: org.clientId, scope: 'api refresh_token'});
		expect(status).toBe(200);
		expect(headers.get('content-type')).toBe('application/json;charset=UTF-8');
		expect(Object.keys(body)).toEqual(['device_code', 'user_code', 'verification_uri', 'interval']);
		expect(body.verification_uri).toBe(`${org.instanceUrl}/setup/connect`);
		expect(body.user_code).toMatch(/^[A-Z\d]{8}$/);
		expect(body.device_code.length).toBeGreaterThan(40);
		expect(body.interval).toBe(0);
	});

	it('refuses an unknown client id, and response types other than device_code', async () => {
		expect(await token(org, {response_type: 'device_code', client_id: 'someone-else'})).toMatchObject({
			status: 400,
			body: {error: 'invalid_client_id', error_description: 'client identifier invalid'},
		});
		expect(await token(org, {response_type: 'code', client_id: org.clientId})).toMatchObject({status: 400, body: {error: 'unsupported_response_type'}});
	});

	it("reads multipart form posts, as the Salesforce CLI's device login sends them", async () => {
		const form = new FormData();
		form.append('response_type', 'device_code');
		form.append('client_id', org.clientId);
		form.append('scope', 'refresh_token web api');
		const response = await fetch(`${org.instanceUrl}/services/oauth2/token`, {method: 'POST', body: form});
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({interval: 0, verification_uri: `${org.instanceUrl}/setup/connect`});
	});
});

describe('device flow: polling', () => {
	it('answers authorization_pending until approved, then a token with a refresh token, once', async () => {
		const codes = await startDeviceLogin(org);
		expect(await pollDevice(org, codes.device_code)).toEqual(
			expect.objectContaining({status: 400, body: {error: 'authorization_pending', error_description: 'authorization pending'}}),
		);
		org.approveDevice(codes.user_code);
		const {status, body} = await pollDevice(org, codes.device_code);
		expect(status).toBe(200);
		expect(Object.keys(body)).toEqual(['access_token', 'refresh_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
		expect(body.id).toBe(`${org.instanceUrl}/id/${org.orgId}/${org.adminUserId}`);
		expect(body.scope).toBe('api id refresh_token');
		expect((await get(org, '/services/data/v62.0/limits', body.access_token)).status).toBe(200);
		// The device code is used up, as an authorization code is.
		expect(await pollDevice(org, codes.device_code)).toMatchObject({status: 400, body: {error: 'invalid_grant'}});
		// The refresh token renews the session.
		const renewed = await token(org, {grant_type: 'refresh_token', client_id: org.clientId, refresh_token: body.refresh_token});
		expect(renewed.status).toBe(200);
		expect(renewed.body.id).toBe(body.id);
	});

	it('refuses an unknown client id or device code', async () => {
		const codes = await startDeviceLogin(org);
		expect(await token(org, {grant_type: 'device', client_id: 'x', code: codes.device_code})).toMatchObject({
			status: 400,
			body: {error: 'invalid_client_id', error_description: 'client identifier invalid'},
		});
		expect(await pollDevice(org, 'not-a-code')).toMatchObject({status: 400, body: {error: 'invalid_grant', error_description: 'invalid device code'}});
	});

	it('answers access_denied once the person denies the device', async () => {
		const codes = await startDeviceLogin(org);
		org.approveDevice(codes.user_code, {deny: true});
		for (let poll = 0; poll < 2; poll++) {
			expect(await pollDevice(org, codes.device_code)).toMatchObject({
				status: 400,
				body: {error: 'access_denied', error_description: 'end-user denied authorization'},
			});
		}
	});

	it('gives no refresh token when the scope asks for none', async () => {
		const codes = await startDeviceLogin(org, 'api id');
		org.approveDevice(codes.user_code);
		const {status, body} = await pollDevice(org, codes.device_code);
		expect(status).toBe(200);
		expect(body.refresh_token).toBeUndefined();
		expect(body.scope).toBe('api id');
	});

	it('answers slow_down when polled faster than the interval', async () => {
		const clock = testClock();
		const slow = await startDemoOrg({users: 5, devicePollIntervalSeconds: 1, now: clock.now});
		try {
			const codes = await startDeviceLogin(slow);
			expect(codes.interval).toBe(1);
			expect((await pollDevice(slow, codes.device_code)).body.error).toBe('authorization_pending');
			expect(await pollDevice(slow, codes.device_code)).toMatchObject({status: 400, body: {error: 'slow_down', error_description: 'polling too frequently'}});
			clock.advance(1100);
			expect((await pollDevice(slow, codes.device_code)).body.error).toBe('authorization_pending');
		} finally {
			await slow.close();
		}
	});

	it('answers expired_token once the device code has outlived its lifetime', async () => {
		const clock = testClock();
		const brief = await startDemoOrg({users: 5, devicePollIntervalSeconds: 0, deviceCodeLifetimeSeconds: 1, now: clock.now});
		try {
			const codes = await startDeviceLogin(brief);
			clock.advance(1100);
			expect(await pollDevice(brief, codes.device_code)).toMatchObject({status: 400, body: {error: 'expired_token', error_description: 'expired device code'}});
			expect(() => {
				brief.approveDevice(codes.user_code);
			}).toThrow(/expired/);
		} finally {
			await brief.close();
		}
	});
});

describe('device flow: approving', () => {
	it('approveDevice refuses unknown codes and users, and a code already decided', async () => {
		expect(() => {
			org.approveDevice('NOPE1234');
		}).toThrow(DemoOrgError);
		const codes = await startDeviceLogin(org);
		expect(() => {
			org.approveDevice(codes.user_code, {username: 'nobody@example.com'});
		}).toThrow(/No user/);
		const inactive = org.users.find((user) => !user.isActive)!;
		expect(() => {
			org.approveDevice(codes.user_code, {username: inactive.username});
		}).toThrow(/inactive/);
		org.approveDevice(codes.user_code.toLowerCase());
		expect(() => {
			org.approveDevice(codes.user_code);
		}).toThrow(/already approved/);
	});

	it('serves an approval page with a form for the code, the username and Approve / Deny', async () => {
		const page = await get(org, '/setup/connect?user_code=ABCD2345', undefined);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html;charset=UTF-8');
		expect(page.body).toContain('<form method="post" action="/setup/connect">');
		expect(page.body).toContain('name="user_code" value="ABCD2345"');
		expect(page.body).toContain('name="username"');
		expect(page.body).toContain('value="approve"');
		expect(page.body).toContain('value="deny"');
		expect((await get(org, '/setup/connect?user_code=%3Cscript%3E', undefined)).body).not.toContain('<script>');
	});

	it('approves through the form as the user named, and the session is that user\'s', async () => {
		const codes = await startDeviceLogin(org);
		const approved = await postForm(org, '/setup/connect', {user_code: codes.user_code, username: org.nonAdminUsername, action: 'approve'});
		expect(approved.status).toBe(200);
		expect(approved.body).toContain(org.nonAdminUsername);
		const {body} = await pollDevice(org, codes.device_code);
		const user = org.users.find((candidate) => candidate.username === org.nonAdminUsername)!;
		expect(body.id).toBe(`${org.instanceUrl}/id/${org.orgId}/${user.id}`);

		const me = await whoAmI(org, body.access_token);
		expect(me).toMatchObject({userId: user.id, username: org.nonAdminUsername});
		expect(me.record.Profile).toMatchObject({PermissionsManageUsers: false, PermissionsViewAllUsers: false});
		const userinfo = await get(org, '/services/oauth2/userinfo', body.access_token);
		expect(userinfo.body).toMatchObject({user_id: user.id, preferred_username: user.username});
	});

	it('approves as the administrator when no username is given, and denies through the form', async () => {
		const first = await startDeviceLogin(org);
		expect((await postForm(org, '/setup/connect', {user_code: first.user_code})).status).toBe(200);
		expect((await pollDevice(org, first.device_code)).body.id).toMatch(new RegExp(`/${org.adminUserId}$`));

		const second = await startDeviceLogin(org);
		const denied = await postForm(org, '/setup/connect', {user_code: second.user_code, action: 'deny'});
		expect(denied.status).toBe(200);
		expect(denied.body).toContain('denied');
		expect((await pollDevice(org, second.device_code)).body.error).toBe('access_denied');

		const wrong = await postForm(org, '/setup/connect', {user_code: 'ZZZZZZZZ', action: 'approve'});
		expect(wrong.status).toBe(400);
		expect(wrong.body).toContain('No device is waiting');
	});

	it('works with jsforce: authorize with the device grant, then query as that user', async () => {
		const codes = await startDeviceLogin(org);
		org.approveDevice(codes.user_code, {username: org.nonAdminUsername});
		const connection = new Connection({loginUrl: org.instanceUrl, oauth2: {clientId: org.clientId, loginUrl: org.instanceUrl}, version: '62.0'});
		const userInfo = await connection.authorize({grant_type: 'device', code: codes.device_code});
		expect(connection.refreshToken).toMatch(/^5Aep861/);
		const result = await connection.query<{Username: string}>(`SELECT Username FROM User WHERE Id = '${userInfo.id}'`);
		expect(result.records[0]!.Username).toBe(org.nonAdminUsername);
	});
});
