import {generateKeyPairSync, verify} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {jwtAudience, jwtLogin, JwtKeyError, signJwtAssertion} from '../../source/salesforce/jwt-login.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import {OAuthError} from '../../source/salesforce/token-endpoint.js';
import {userIdOf} from './demo-logins.js';

const keys = generateKeyPairSync('rsa', {modulusLength: 2048});
const privateKey = keys.privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
const publicKey = keys.publicKey.export({type: 'spki', format: 'pem'}).toString();
const otherPrivateKey = generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 60, seed: 4201, jwtPublicKey: publicKey});
});

afterAll(async () => {
	await org.close();
});

function config(overrides: Partial<Parameters<typeof jwtLogin>[0]> = {}) {
	return {loginUrl: org.instanceUrl, clientId: org.clientId, username: org.adminUsername, privateKey, ...overrides};
}

function decode(segment: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('jwtAudience', () => {
	it('is test.salesforce.com for sandbox login URLs', () => {
		expect(jwtAudience('https://test.salesforce.com')).toBe('https://test.salesforce.com');
		expect(jwtAudience('https://acme--uat.sandbox.my.salesforce.com')).toBe('https://test.salesforce.com');
	});

	it('is login.salesforce.com for production and My Domain login URLs', () => {
		expect(jwtAudience('https://login.salesforce.com')).toBe('https://login.salesforce.com');
		expect(jwtAudience('https://acme.my.salesforce.com')).toBe('https://login.salesforce.com');
	});

	it('is the loopback origin itself for a demo org', () => {
		expect(jwtAudience(org.instanceUrl)).toBe(org.instanceUrl);
		expect(jwtAudience(`${org.instanceUrl}/services/oauth2/token`)).toBe(org.instanceUrl);
		expect(jwtAudience('http://localhost:6543')).toBe('http://localhost:6543');
		expect(jwtAudience('http://[::1]:6543')).toBe('http://[::1]:6543');
	});
});

describe('signJwtAssertion', () => {
	it('signs RS256 claims naming the connected app, the user, the audience and a three-minute expiry', () => {
		const assertion = signJwtAssertion(config({loginUrl: 'https://acme--uat.sandbox.my.salesforce.com'}), () => 1_700_000_000_000);
		const [header, claims, signature] = assertion.split('.') as [string, string, string];
		expect(decode(header)).toEqual({alg: 'RS256', typ: 'JWT'});
		expect(decode(claims)).toEqual({iss: org.clientId, sub: org.adminUsername, aud: 'https://test.salesforce.com', exp: 1_700_000_180});
		expect(verify('RSA-SHA256', Buffer.from(`${header}.${claims}`), keys.publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
	});

	it('throws a JwtKeyError, saying what to give, when the key text cannot be read', () => {
		expect(() => signJwtAssertion(config({privateKey: 'not a PEM key'}))).toThrow(JwtKeyError);
		expect(() => signJwtAssertion(config({privateKey: publicKey}))).toThrow(/private key cannot be read.*PEM/);
	});
});

describe('jwtLogin against the demo org', () => {
	it('returns a session of the user named, without a refresh token, that the REST API accepts', async () => {
		const token = await jwtLogin(config());
		expect(userIdOf(token)).toBe(org.adminUserId);
		expect(token.instance_url).toBe(org.instanceUrl);
		expect(token.refresh_token).toBeUndefined();
		const overview = await fetchOrgOverview(openConnection({instanceUrl: token.instance_url, accessToken: token.access_token}));
		expect(overview.username).toBe(org.adminUsername);
	});

	it('logs in as another user when the assertion names them', async () => {
		const token = await jwtLogin(config({username: org.nonAdminUsername}));
		const user = org.users.find((candidate) => candidate.username === org.nonAdminUsername)!;
		expect(userIdOf(token)).toBe(user.id);
	});

	it('is refused with invalid_grant when signed with another key', async () => {
		const login = jwtLogin(config({privateKey: otherPrivateKey}));
		await expect(login).rejects.toBeInstanceOf(OAuthError);
		await expect(login).rejects.toMatchObject({name: 'invalid_grant', status: 400});
	});

	it('is refused with invalid_grant for a username the org does not have', async () => {
		await expect(jwtLogin(config({username: 'nobody@nowhere.example.com'}))).rejects.toMatchObject({name: 'invalid_grant'});
	});

	it('is refused as an unknown client when the consumer key is not the org\'s', async () => {
		await expect(jwtLogin(config({clientId: '3MVG9someone-else'}))).rejects.toMatchObject({name: 'invalid_client_id'});
	});

	it('rejects with a JwtKeyError when the key text is unreadable', async () => {
		await expect(jwtLogin(config({privateKey: '-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----'}))).rejects.toBeInstanceOf(JwtKeyError);
	});
});
