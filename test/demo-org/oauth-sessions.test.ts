import {createHmac} from 'node:crypto';
import {testClock} from '../support/test-clock.js';
import {Connection} from 'jsforce';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DemoOrgError, startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {get, pollDevice, postForm, startDeviceLogin, token} from './demo-org-client.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 40, seed: 13});
});

afterAll(async () => {
	await org.close();
});

const refresh = async (target: DemoOrg, refreshToken: string) => token(target, {grant_type: 'refresh_token', client_id: target.clientId, refresh_token: refreshToken});
const limits = async (target: DemoOrg, accessToken: string) => get(target, '/services/data/v62.0/limits', accessToken);

describe('token responses', () => {
	it('carry a signature: base64 HMAC-SHA256 of id + issued_at, keyed by the client secret', async () => {
		const {body} = await refresh(org, org.refreshToken);
		const expected = createHmac('sha256', org.clientSecret).update(`${body.id}${body.issued_at}`).digest('base64');
		expect(body.signature).toBe(expected);
		expect(body).toMatchObject({token_type: 'Bearer', instance_url: org.instanceUrl, scope: 'api id refresh_token'});
		expect(body.refresh_token).toBeUndefined();
	});

	it('refuses a wrong client secret', async () => {
		expect(await token(org, {grant_type: 'refresh_token', client_id: org.clientId, client_secret: 'wrong', refresh_token: org.refreshToken})).toMatchObject({
			status: 400,
			body: {error: 'invalid_client', error_description: 'invalid client credentials'},
		});
	});

	it('come from a connected app whose client id depends on the seed only', async () => {
		const again = await startDemoOrg({users: 5, seed: 13});
		const other = await startDemoOrg({users: 5, seed: 14});
		try {
			expect(again.clientId).toBe(org.clientId);
			expect(other.clientId).not.toBe(org.clientId);
			expect(org.clientId).toMatch(/^3MVG9[\w.]{80}$/);
			expect(again.refreshToken).not.toBe(org.refreshToken);
		} finally {
			await again.close();
			await other.close();
		}
	});
});

describe('test hooks', () => {
	it('expireSessions: every access token answers 401, the refresh token still renews, and jsforce recovers by itself', async () => {
		const target = await startDemoOrg({users: 10});
		try {
			const connection = new Connection({
				instanceUrl: target.instanceUrl,
				accessToken: target.accessToken,
				refreshToken: target.refreshToken,
				oauth2: {clientId: target.clientId, loginUrl: target.instanceUrl},
				version: '62.0',
			});
			expect((await connection.query('SELECT COUNT() FROM User')).totalSize).toBe(10);
			target.expireSessions();
			const expired = await limits(target, target.accessToken);
			expect(expired).toMatchObject({status: 401, body: [{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'}]});
			expect((await connection.query('SELECT COUNT() FROM User')).totalSize).toBe(10);
			expect(connection.accessToken).not.toBe(target.accessToken);
		} finally {
			await target.close();
		}
	});

	it('revokeRefreshTokens: refreshing answers invalid_grant, open sessions run on', async () => {
		const target = await startDemoOrg({users: 10});
		try {
			target.revokeRefreshTokens();
			expect(await refresh(target, target.refreshToken)).toMatchObject({
				status: 400,
				body: {error: 'invalid_grant', error_description: 'expired access/refresh token'},
			});
			expect((await limits(target, target.accessToken)).status).toBe(200);
		} finally {
			await target.close();
		}
	});

	it('revoking a refresh token at /services/oauth2/revoke ends the sessions it opened, and only those', async () => {
		const target = await startDemoOrg({users: 10});
		try {
			const renewed = await refresh(target, target.refreshToken);
			expect((await postForm(target, '/services/oauth2/revoke', {token: renewed.body.access_token})).status).toBe(200);
			expect((await limits(target, renewed.body.access_token)).status).toBe(401);
			expect((await limits(target, target.accessToken)).status).toBe(200);
			expect((await postForm(target, '/services/oauth2/revoke', {token: target.refreshToken})).status).toBe(200);
			expect((await limits(target, target.accessToken)).status).toBe(401);
			expect((await postForm(target, '/services/oauth2/revoke', {token: 'unknown'})).body).toEqual({
				error: 'unsupported_token_type',
				error_description: 'this token type is not supported',
			});
		} finally {
			await target.close();
		}
	});
});

describe('session lifetime', () => {
	it('refuses access tokens older than sessionLifetimeSeconds; a refresh opens a fresh session', async () => {
		const clock = testClock();
		const target = await startDemoOrg({users: 10, sessionLifetimeSeconds: 1, now: clock.now});
		try {
			expect((await limits(target, target.accessToken)).status).toBe(200);
			clock.advance(1100);
			expect(await limits(target, target.accessToken)).toMatchObject({status: 401, body: [{errorCode: 'INVALID_SESSION_ID'}]});
			const renewed = await refresh(target, target.refreshToken);
			expect((await limits(target, renewed.body.access_token)).status).toBe(200);
		} finally {
			await target.close();
		}
	});

	it('refuses a lifetime that is not a whole number of seconds', async () => {
		await expect(startDemoOrg({users: 5, sessionLifetimeSeconds: 0})).rejects.toThrow(DemoOrgError);
		await expect(startDemoOrg({users: 5, sessionLifetimeSeconds: 1.5})).rejects.toThrow(/sessionLifetimeSeconds/);
	});
});

describe('refresh token rotation', () => {
	it('answers a new refresh token on each refresh and retires the one used', async () => {
		const target = await startDemoOrg({users: 10, rotateRefreshTokens: true});
		try {
			const first = await refresh(target, target.refreshToken);
			expect(first.status).toBe(200);
			expect(first.body.refresh_token).toMatch(/^5Aep861/);
			expect(first.body.refresh_token).not.toBe(target.refreshToken);
			expect(await refresh(target, target.refreshToken)).toMatchObject({
				status: 400,
				body: {error: 'invalid_grant', error_description: 'expired access/refresh token'},
			});
			const second = await refresh(target, first.body.refresh_token);
			expect(second.status).toBe(200);
			expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
			expect((await limits(target, second.body.access_token)).status).toBe(200);
			// Sessions opened with a retired refresh token run on until they expire.
			expect((await limits(target, first.body.access_token)).status).toBe(200);
		} finally {
			await target.close();
		}
	});

	it("hands jsforce the rotated token in its refresh event (jsforce itself keeps the old one)", async () => {
		const target = await startDemoOrg({users: 10, rotateRefreshTokens: true});
		try {
			const connection = new Connection({
				instanceUrl: target.instanceUrl,
				accessToken: 'expired',
				refreshToken: target.refreshToken,
				oauth2: {clientId: target.clientId, loginUrl: target.instanceUrl},
				version: '62.0',
			});
			const rotated: string[] = [];
			connection.on('refresh', (_accessToken: string, response: {refresh_token?: string}) => {
				rotated.push(response.refresh_token ?? '');
			});
			expect((await connection.query('SELECT COUNT() FROM User')).totalSize).toBe(10);
			expect(rotated).toHaveLength(1);
			expect(rotated[0]).toMatch(/^5Aep861/);
			expect((await refresh(target, rotated[0]!)).status).toBe(200);
		} finally {
			await target.close();
		}
	});
});

describe('sessions belong to users', () => {
	it("a refresh renews the session of the refresh token's user, and REST answers name that user", async () => {
		const codes = await startDeviceLogin(org);
		org.approveDevice(codes.user_code, {username: org.nonAdminUsername});
		const device = await pollDevice(org, codes.device_code);
		const renewed = await refresh(org, device.body.refresh_token);
		const user = org.users.find((candidate) => candidate.username === org.nonAdminUsername)!;
		expect(renewed.body.id).toBe(`${org.instanceUrl}/id/${org.orgId}/${user.id}`);
		const resources = await get(org, '/services/data/v62.0/', renewed.body.access_token);
		expect(resources.body.identity).toBe(renewed.body.id);
		const userinfo = await get(org, '/services/oauth2/userinfo', renewed.body.access_token);
		expect(userinfo.body.user_id).toBe(user.id);
		// The administrator's own token still answers as the administrator.
		expect((await get(org, '/services/oauth2/userinfo', org.accessToken)).body.user_id).toBe(org.adminUserId);
	});
});

describe('refresh tokens across a restart', () => {
	it('are honoured by the demo org restarted with the same seed, as a real org keeps them, and by no other', async () => {
		const first = await startDemoOrg({users: 20, seed: 8101});
		const issued = first.refreshToken;
		await first.close();

		const again = await startDemoOrg({users: 20, seed: 8101});
		const other = await startDemoOrg({users: 20, seed: 8102});
		try {
			const renewed = await refresh(again, issued);
			expect(renewed.status).toBe(200);
			expect((await limits(again, renewed.body.access_token as string)).status).toBe(200);
			expect((await token(other, {grant_type: 'refresh_token', client_id: other.clientId, refresh_token: issued})).body).toMatchObject({error: 'invalid_grant'});
			const forged = `${issued.slice(0, -4)}AAAA`;
			expect((await refresh(again, forged)).body).toMatchObject({error: 'invalid_grant'});

			again.revokeRefreshTokens();
			expect((await refresh(again, issued)).body).toMatchObject({error: 'invalid_grant'});
		} finally {
			await again.close();
			await other.close();
		}
	});
});
