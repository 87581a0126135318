import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection, salesforceApiVersion} from '../../source/salesforce/connection.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 120, seed: 99});
});

afterAll(async () => {
	await org.close();
});

describe('openConnection', () => {
	it('speaks the app API version to the instance', () => {
		const connection = openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
		expect(connection.version).toBe(salesforceApiVersion);
		expect(connection.instanceUrl).toBe(org.instanceUrl);
	});

	it('renews an expired session with the refresh token, and the query then succeeds', async () => {
		const connection = openConnection({
			instanceUrl: org.instanceUrl,
			accessToken: 'an-expired-session',
			refreshToken: org.refreshToken,
			clientId: org.clientId,
			loginUrl: org.instanceUrl,
		});
		const renewed: string[] = [];
		connection.on('refresh', (accessToken: string) => {
			renewed.push(accessToken);
		});

		const users = await fetchSalesforceUsers(connection);
		expect(users).toHaveLength(120);
		expect(renewed).toHaveLength(1);
		expect(connection.accessToken).toBe(renewed[0]);
		expect(connection.accessToken).not.toBe('an-expired-session');
	});

	it('logs out at the org itself, after which the token is refused', async () => {
		const renewed = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
			method: 'POST',
			body: new URLSearchParams({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken}),
		});
		const {access_token: accessToken} = (await renewed.json()) as {access_token: string};
		const connection = openConnection({instanceUrl: org.instanceUrl, accessToken});
		await connection.query('SELECT Id FROM User LIMIT 1');
		await connection.logout();
		const again = openConnection({instanceUrl: org.instanceUrl, accessToken});
		await expect(again.query('SELECT Id FROM User LIMIT 1')).rejects.toMatchObject({name: 'INVALID_SESSION_ID'});
	});

	it('refuses a refresh token without the client id that can use it', () => {
		expect(() => openConnection({instanceUrl: org.instanceUrl, accessToken: 'x', refreshToken: org.refreshToken})).toThrow(/client id/);
	});
});

describe('fetchOrgOverview', () => {
	it('says who is connected to which org, and the API usage', async () => {
		const admin = org.users.find((user) => user.id === org.adminUserId)!;
		const overview = await fetchOrgOverview(openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken}));
		expect(overview).toEqual({
			orgId: org.orgId,
			orgName: org.orgName,
			isSandbox: false,
			userId: org.adminUserId,
			username: admin.username,
			displayName: `${admin.firstName} ${admin.lastName}`,
			instanceUrl: org.instanceUrl,
			adminRights: {authorized: true, manageUsers: true, viewAllUsers: true, grantedBy: ['profile System Administrator']},
			apiUsage: {used: expect.any(Number), max: 100_000},
			checkedAt: expect.any(Date),
		});
		expect(overview.apiUsage!.used).toBeGreaterThanOrEqual(2);
	});

	it('works after renewing an expired session too', async () => {
		const overview = await fetchOrgOverview(
			openConnection({instanceUrl: org.instanceUrl, accessToken: 'expired', refreshToken: org.refreshToken, clientId: org.clientId}),
		);
		expect(overview.userId).toBe(org.adminUserId);
	});
});
