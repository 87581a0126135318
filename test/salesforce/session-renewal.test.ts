import {generateKeyPairSync} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg, type DemoOrgOptions} from '../../source/demo-org/demo-org.js';
import {openConnection, maxRenewalsPerMinute} from '../../source/salesforce/connection.js';
import {connectionFromSaved} from '../../source/org-connection.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import {reconnectCodes} from '../../source/salesforce/salesforce-error-class.js';
import {describeSalesforceError} from '../../source/salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import {openConnectionFile, type SavedConnection} from '../../source/settings/saved-connection.js';
import {tempHomesPerTest} from '../support/temp-home.js';
import {refreshWith, savedDeviceConnection} from './demo-logins.js';
import {failureOf} from '../support/failure-of.js';

const tempHome = tempHomesPerTest();
const orgs: DemoOrg[] = [];

async function demoOrg(options: DemoOrgOptions): Promise<DemoOrg> {
	const org = await startDemoOrg(options);
	orgs.push(org);
	return org;
}

afterEach(async () => {
	await Promise.all(orgs.splice(0).map(async (org) => org.close()));
});

function refreshingConnection(org: DemoOrg, accessToken = org.accessToken) {
	const connection = openConnection({instanceUrl: org.instanceUrl, accessToken, refreshToken: org.refreshToken, clientId: org.clientId, loginUrl: org.instanceUrl});
	const renewals: string[] = [];
	connection.on('refresh', (token: string) => {
		renewals.push(token);
	});
	return {connection, renewals};
}

describe('a session that expires in the middle of a listing', () => {
	it('is renewed with the refresh token and the listing completes with every user', async () => {
		const org = await demoOrg({users: 3000, seed: 4301});
		const {connection, renewals} = refreshingConnection(org);
		let batches = 0;
		const users = await fetchSalesforceUsers(connection, {
			batchSize: 200,
			onBatch() {
				batches++;
				if (batches === 1) {
					org.expireSessions();
				}
			},
		});

		expect(batches).toBe(15);
		expect(renewals).toHaveLength(1);
		expect(users).toHaveLength(3000);
		expect(new Set(users.map((user) => user.id))).toEqual(new Set(org.users.map((user) => user.id)));
	});
});

describe('renewing a saved device connection when the org rotates refresh tokens', () => {
	it('writes the new refresh token to the connection file, owner-only, and the old one is refused from then on', async () => {
		const org = await demoOrg({users: 50, seed: 4302, rotateRefreshTokens: true});
		const {home} = tempHome();
		const file = openConnectionFile(home);
		file.save(savedDeviceConnection(org));
		org.expireSessions();

		const connection = connectionFromSaved(file.read()!, file);
		const overview = await fetchOrgOverview(connection);
		expect(overview.userId).toBe(org.adminUserId);

		const saved = openConnectionFile(home).read() as Extract<SavedConnection, {method: 'device'}>;
		expect(saved.method).toBe('device');
		expect(saved.refreshToken).not.toBe(org.refreshToken);
		expect(saved.accessToken).not.toBe(org.accessToken);
		expect(saved.accessToken).toBe(connection.accessToken);
		expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);

		expect(await refreshWith(org, org.refreshToken)).toMatchObject({status: 400, body: {error: 'invalid_grant'}});
		// What the file holds is what works: a later run renews with it.
		expect(await refreshWith(org, saved.refreshToken)).toMatchObject({status: 200, body: {access_token: expect.any(String)}});
	});

	it('renews again with the newest token, each time keeping the latest in the file', async () => {
		const org = await demoOrg({users: 50, seed: 4303, rotateRefreshTokens: true});
		const {home} = tempHome();
		const file = openConnectionFile(home);
		file.save(savedDeviceConnection(org));
		const connection = connectionFromSaved(file.read()!, file);
		const savedTokens: string[] = [];
		for (let round = 0; round < 2; round++) {
			org.expireSessions();
			const result = await connection.query<{Id: string}>('SELECT Id FROM User');
			expect(result.totalSize).toBe(50);
			savedTokens.push((openConnectionFile(home).read() as Extract<SavedConnection, {method: 'device'}>).refreshToken);
		}

		expect(new Set([org.refreshToken, ...savedTokens]).size).toBe(3);
		expect(fs.statSync(file.path).mode & 0o777).toBe(0o600);
		expect((await refreshWith(org, savedTokens[0]!)).status).toBe(400);
		expect((await refreshWith(org, savedTokens[1]!)).status).toBe(200);
	});
});

describe('renewing a saved JWT connection', () => {
	const keys = generateKeyPairSync('rsa', {modulusLength: 2048});

	async function jwtSetup() {
		const org = await demoOrg({users: 40, seed: 4304, jwtPublicKey: keys.publicKey.export({type: 'spki', format: 'pem'}).toString()});
		const {home} = tempHome();
		const privateKeyFile = path.join(home, 'salesforce.key');
		fs.writeFileSync(privateKeyFile, keys.privateKey.export({type: 'pkcs8', format: 'pem'}), {mode: 0o600});
		const saved: SavedConnection = {
			method: 'jwt',
			loginUrl: org.instanceUrl,
			clientId: org.clientId,
			privateKeyFile,
			accessToken: org.accessToken,
			instanceUrl: org.instanceUrl,
			orgId: org.orgId,
			userId: org.adminUserId,
			username: org.adminUsername,
			connectedAt: new Date().toISOString(),
		};
		const file = openConnectionFile(home);
		file.save(saved);
		return {org, home, file, saved, privateKeyFile};
	}

	it('signs a new assertion with the key file when the session expired, and the call succeeds', async () => {
		const {org, home, file, saved} = await jwtSetup();
		org.expireSessions();
		const connection = connectionFromSaved(saved, file);
		const renewals: string[] = [];
		connection.on('refresh', (token: string) => {
			renewals.push(token);
		});

		const users = await fetchSalesforceUsers(connection);
		expect(users).toHaveLength(40);
		expect(renewals).toHaveLength(1);
		const reread = openConnectionFile(home).read()!;
		expect(reread).toMatchObject({method: 'jwt', privateKeyFile: saved.method === 'jwt' ? saved.privateKeyFile : '', accessToken: renewals[0]});
		expect(reread.accessToken).not.toBe(org.accessToken);
	});

	it('fails with a reconnect code naming the key file when the key file is gone at renewal', async () => {
		const {org, file, saved, privateKeyFile} = await jwtSetup();
		fs.rmSync(privateKeyFile);
		org.expireSessions();
		const error = await failureOf(fetchSalesforceUsers(connectionFromSaved(saved, file), {retries: 0}));
		const description = describeSalesforceError(error);
		expect(reconnectCodes.has(description.code)).toBe(true);
		expect(description.message).toContain(privateKeyFile);
		expect(description.retryable).toBe(false);
	});
});

describe('an org that refuses every session, even new ones', () => {
	it('ends the listing with RENEWAL_LOOP after a few renewals, instead of looping', async () => {
		const org = await demoOrg({users: 30, seed: 4305, faults: {rejectAllSessions: true}});
		const {connection, renewals} = refreshingConnection(org);
		const started = Date.now();
		const error = await failureOf(fetchSalesforceUsers(connection));
		expect(Date.now() - started).toBeLessThan(5000);
		const description = describeSalesforceError(error);
		expect(description.code).toBe('RENEWAL_LOOP');
		expect(description.retryable).toBe(false);
		expect(reconnectCodes.has(description.code)).toBe(true);
		// A request renews once; a session refused right after its renewal ends the listing there.
		expect(renewals.length).toBeGreaterThanOrEqual(1);
		expect(renewals.length).toBeLessThanOrEqual(maxRenewalsPerMinute);
	});

	it('ends the connection test the same way', async () => {
		const org = await demoOrg({users: 30, seed: 4306, faults: {rejectAllSessions: true}});
		const {connection} = refreshingConnection(org);
		const started = Date.now();
		const error = await failureOf(fetchOrgOverview(connection));
		expect(Date.now() - started).toBeLessThan(5000);
		expect(describeSalesforceError(error).code).toBe('RENEWAL_LOOP');
	});
});

describe('a revoked refresh token', () => {
	it('fails the listing once the session expires, with a code that asks to reconnect', async () => {
		const org = await demoOrg({users: 30, seed: 4307});
		const {connection, renewals} = refreshingConnection(org);
		expect(await fetchSalesforceUsers(connection)).toHaveLength(30);
		org.revokeRefreshTokens();
		// Open sessions run on until they expire.
		expect(await fetchSalesforceUsers(connection)).toHaveLength(30);
		org.expireSessions();
		const started = Date.now();
		const error = await failureOf(fetchSalesforceUsers(connection));
		const description = describeSalesforceError(error);
		expect(reconnectCodes.has(description.code)).toBe(true);
		expect(description.code).toBe('invalid_grant');
		expect(description.retryable).toBe(false);
		expect(renewals).toHaveLength(0);
		expect(Date.now() - started).toBeLessThan(400);
	});
});
