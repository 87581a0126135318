import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {fetchAdminRights} from '../../source/salesforce/admin-rights-query.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import type {TokenResponse} from '../../source/salesforce/token-endpoint.js';
import {deviceLoginAs, userIdOf} from './demo-logins.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 300, seed: 4501, devicePollIntervalSeconds: 0});
});

afterAll(async () => {
	await org.close();
});

function connectionOf(token: TokenResponse) {
	return openConnection({instanceUrl: token.instance_url, accessToken: token.access_token});
}

/** The users the org gave the User Management permission set, as the admin reads them. */
async function userManagers(): Promise<Array<{id: string; username: string}>> {
	const admin = openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
	const result = await admin.query<{AssigneeId: string}>("SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = 'User_Management'");
	return result.records.map(({AssigneeId: id}) => ({id, username: org.users.find((user) => user.id === id)!.username}));
}

describe('fetchAdminRights and fetchOrgOverview, for a session of', () => {
	it('a user without user rights: not authorized, with a reason naming them', async () => {
		expect(org.nonAdminUsername).not.toBe('');
		const token = await deviceLoginAs(org, org.nonAdminUsername);
		const connection = connectionOf(token);
		const rights = await fetchAdminRights(connection, userIdOf(token), org.nonAdminUsername);
		expect(rights).toMatchObject({authorized: false, manageUsers: false, viewAllUsers: false, grantedBy: []});
		expect(rights.reason).toContain(org.nonAdminUsername);
		expect(rights.reason).toMatch(/Manage Users/);

		const overview = await fetchOrgOverview(connection);
		expect(overview.username).toBe(org.nonAdminUsername);
		expect(overview.adminRights).toEqual(rights);
	});

	it('the System Administrator: authorized by the profile', async () => {
		const token = await deviceLoginAs(org);
		const rights = await fetchAdminRights(connectionOf(token), userIdOf(token), org.adminUsername);
		expect(rights).toEqual({authorized: true, manageUsers: true, viewAllUsers: true, grantedBy: ['profile System Administrator']});
	});

	it('a user given the User Management permission set: authorized by that permission set, not the profile', async () => {
		const managers = await userManagers();
		expect(managers.length).toBeGreaterThan(0);
		const manager = managers[0]!;
		const token = await deviceLoginAs(org, manager.username);
		expect(userIdOf(token)).toBe(manager.id);
		const overview = await fetchOrgOverview(connectionOf(token));
		expect(overview.adminRights.authorized).toBe(true);
		expect(overview.adminRights.manageUsers).toBe(true);
		expect(overview.adminRights.reason).toBeUndefined();
		expect(overview.adminRights.grantedBy).toHaveLength(1);
		expect(overview.adminRights.grantedBy[0]).toMatch(/^permission set User[ _]Management$/);
	});

	it('a user id that is not a Salesforce id: rights unknown, without asking', async () => {
		const rights = await fetchAdminRights(openConnection({instanceUrl: org.instanceUrl, accessToken: 'unused'}), "005' OR Id != '", org.adminUsername);
		expect(rights).toMatchObject({authorized: false, grantedBy: []});
		expect(rights.reason).toMatch(/not a Salesforce user id/);
	});
});

describe('fetchOrgOverview', () => {
	it('says a production org is not a sandbox', async () => {
		const overview = await fetchOrgOverview(openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken}));
		expect(overview.isSandbox).toBe(false);
		expect(overview.orgId).toBe(org.orgId);
	});

	it('says a sandbox is one', async () => {
		const sandbox = await startDemoOrg({users: 20, seed: 4502, sandbox: true});
		try {
			const overview = await fetchOrgOverview(openConnection({instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken}));
			expect(overview.isSandbox).toBe(true);
			expect(overview.orgName).toBe(sandbox.orgName);
			expect(overview.adminRights.authorized).toBe(true);
		} finally {
			await sandbox.close();
		}
	});
});
