import {generateKeyPairSync} from 'node:crypto';
import {Connection} from 'jsforce';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DemoOrgError, startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {signJwt, token, whoAmI} from './demo-org-client.js';

const grantType = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const keys = generateKeyPairSync('rsa', {modulusLength: 2048});
const otherKeys = generateKeyPairSync('rsa', {modulusLength: 2048});
let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 60, seed: 12, jwtPublicKey: keys.publicKey.export({type: 'spki', format: 'pem'}).toString()});
});

afterAll(async () => {
	await org.close();
});

function claims(overrides: Record<string, unknown> = {}) {
	return {iss: org.clientId, sub: org.adminUsername, aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 180, ...overrides};
}

async function jwtGrant(assertion: string) {
	return token(org, {grant_type: grantType, assertion});
}

describe('JWT bearer flow', () => {
	it('answers a token without a refresh token, for the user named by sub', async () => {
		const {status, body} = await jwtGrant(signJwt(claims({sub: org.nonAdminUsername}), keys.privateKey));
		expect(status).toBe(200);
		expect(Object.keys(body)).toEqual(['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
		const user = org.users.find((candidate) => candidate.username === org.nonAdminUsername)!;
		expect(body.id).toBe(`${org.instanceUrl}/id/${org.orgId}/${user.id}`);
		const me = await whoAmI(org, body.access_token);
		expect(me.userId).toBe(user.id);
		expect(me.record.Username).toBe(org.nonAdminUsername);
	});

	it('accepts the login servers and the org URL as audience, and sub in any case', async () => {
		for (const aud of ['https://login.salesforce.com', 'https://test.salesforce.com/', org.instanceUrl, [org.instanceUrl]]) {
			expect((await jwtGrant(signJwt(claims({aud}), keys.privateKey))).status).toBe(200);
		}

		expect((await jwtGrant(signJwt(claims({sub: org.adminUsername.toUpperCase()}), keys.privateKey))).status).toBe(200);
		// Some clients send exp as a string of digits.
		expect((await jwtGrant(signJwt(claims({exp: String(Math.floor(Date.now() / 1000) + 60)}), keys.privateKey))).status).toBe(200);
	});

	it("refuses each broken assertion with Salesforce's error", async () => {
		const inactive = org.users.find((user) => !user.isActive)!;
		const cases: Array<[string, string, string]> = [
			[signJwt(claims(), otherKeys.privateKey), 'invalid_grant', 'invalid assertion'],
			[signJwt(claims(), keys.privateKey, {alg: 'HS256'}), 'invalid_grant', 'invalid assertion'],
			['not.a.jwt', 'invalid_grant', 'invalid assertion'],
			['', 'invalid_grant', 'invalid assertion'],
			[signJwt(claims({iss: 'someone-else'}), keys.privateKey), 'invalid_client_id', 'client identifier invalid'],
			[signJwt(claims({aud: 'https://evil.example.com'}), keys.privateKey), 'invalid_grant', 'audience is invalid'],
			[signJwt(claims({exp: Math.floor(Date.now() / 1000) - 10}), keys.privateKey), 'invalid_grant', 'expired authorization code'],
			[signJwt(claims({exp: undefined}), keys.privateKey), 'invalid_grant', 'expired authorization code'],
			[signJwt(claims({sub: 'nobody@example.com'}), keys.privateKey), 'invalid_grant', "user hasn't approved this consumer"],
			[signJwt(claims({sub: inactive.username}), keys.privateKey), 'invalid_grant', 'inactive user'],
		];
		for (const [assertion, error, description] of cases) {
			expect(await jwtGrant(assertion)).toMatchObject({status: 400, body: {error, error_description: description}});
		}

		// A signature of other claims does not carry over.
		const [header, , signature] = signJwt(claims(), keys.privateKey).split('.');
		const forged = `${header}.${Buffer.from(JSON.stringify(claims({sub: org.nonAdminUsername}))).toString('base64url')}.${signature}`;
		expect((await jwtGrant(forged)).body.error_description).toBe('invalid assertion');
	});

	it('works with jsforce: authorize with the JWT grant, then query', async () => {
		const connection = new Connection({loginUrl: org.instanceUrl, version: '62.0'});
		const userInfo = await connection.authorize({grant_type: grantType, assertion: signJwt(claims(), keys.privateKey)});
		expect(userInfo.id).toBe(org.adminUserId);
		expect(connection.refreshToken).toBeUndefined();
		expect((await connection.query('SELECT COUNT() FROM User')).totalSize).toBe(60);
	});

	it('refuses every assertion when started without a key, and refuses a key that is not an RSA PEM', async () => {
		const withoutKey = await startDemoOrg({users: 5});
		try {
			const response = await token(withoutKey, {grant_type: grantType, assertion: signJwt({...claims(), iss: withoutKey.clientId, sub: withoutKey.adminUsername}, keys.privateKey)});
			expect(response).toMatchObject({status: 400, body: {error: 'invalid_grant', error_description: 'invalid assertion'}});
		} finally {
			await withoutKey.close();
		}

		await expect(startDemoOrg({users: 5, jwtPublicKey: 'not a key'})).rejects.toThrow(DemoOrgError);
		const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'}).publicKey.export({type: 'spki', format: 'pem'}).toString();
		await expect(startDemoOrg({users: 5, jwtPublicKey: ec})).rejects.toThrow(/RSA/);
	});
});
