import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {get, queryPath} from './demo-org-client.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 300, seed: 31});
});

afterAll(async () => {
	await org.close();
});

async function query(soql: string, target: DemoOrg = org) {
	const {status, body} = await get(target, queryPath(soql), target.accessToken);
	expect(status).toBe(200);
	return body as {totalSize: number; done: boolean; records: any[]};
}

const userRightsQuery = (id: string) =>
	`SELECT Id, Username, Name, Profile.Name, Profile.PermissionsManageUsers, Profile.PermissionsViewAllUsers FROM User WHERE Id = '${id}'`;
const assignmentsQuery = (id: string) =>
	`SELECT PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.PermissionsManageUsers, PermissionSet.PermissionsViewAllUsers FROM PermissionSetAssignment WHERE AssigneeId = '${id}'`;

function userNamed(username: string) {
	return org.users.find((user) => user.username === username)!;
}

/** Whether a user may manage users, from the same two queries the app sends. */
async function rights(userId: string) {
	const user = (await query(userRightsQuery(userId))).records[0];
	const sets = (await query(assignmentsQuery(userId))).records.map((record) => record.PermissionSet);
	return {
		manageUsers: user.Profile?.PermissionsManageUsers === true || sets.some((set) => set.PermissionsManageUsers),
		viewAllUsers: user.Profile?.PermissionsViewAllUsers === true || sets.some((set) => set.PermissionsViewAllUsers),
	};
}

describe('the organization check', () => {
	it('answers IsSandbox, OrganizationType and InstanceName; a sandbox says so', async () => {
		const production = await query('SELECT Id, Name, IsSandbox, OrganizationType, InstanceName FROM Organization');
		expect(production.records).toEqual([
			{
				attributes: {type: 'Organization', url: `/services/data/v62.0/sobjects/Organization/${org.orgId}`},
				Id: org.orgId,
				Name: org.orgName,
				IsSandbox: false,
				OrganizationType: 'Enterprise Edition',
				InstanceName: expect.any(String),
			},
		]);
		const sandbox = await startDemoOrg({users: 5, sandbox: true});
		try {
			expect((await query('SELECT IsSandbox FROM Organization', sandbox)).records[0].IsSandbox).toBe(true);
		} finally {
			await sandbox.close();
		}
	});
});

describe('the admin-rights check', () => {
	it('nests the Profile relationship as Salesforce does, with its attributes', async () => {
		const admin = userNamed(org.adminUsername);
		const {records} = await query(userRightsQuery(admin.id));
		expect(records).toHaveLength(1);
		expect(records[0]).toEqual({
			attributes: {type: 'User', url: `/services/data/v62.0/sobjects/User/${admin.id}`},
			Id: admin.id,
			Username: admin.username,
			Name: `${admin.firstName} ${admin.lastName}`,
			Profile: {
				attributes: {type: 'Profile', url: expect.stringMatching(/^\/services\/data\/v62\.0\/sobjects\/Profile\/00e\w{15}$/)},
				Name: 'System Administrator',
				PermissionsManageUsers: true,
				PermissionsViewAllUsers: true,
			},
		});
	});

	it('answers Profile: null for a user without a profile', async () => {
		const automated = org.users.find((user) => user.profileName === null)!;
		expect((await query(userRightsQuery(automated.id))).records[0].Profile).toBeNull();
	});

	it("gives every user with a profile the profile's own permission set, and the admin full rights", async () => {
		const admin = userNamed(org.adminUsername);
		const {records} = await query(assignmentsQuery(admin.id));
		expect(records).toEqual([
			{
				attributes: {type: 'PermissionSetAssignment', url: expect.stringMatching(/\/sobjects\/PermissionSetAssignment\/0Pa\w{15}$/)},
				PermissionSet: {
					attributes: {type: 'PermissionSet', url: expect.stringMatching(/\/sobjects\/PermissionSet\/0PS\w{15}$/)},
					Name: expect.stringMatching(/^X00e/),
					IsOwnedByProfile: true,
					PermissionsManageUsers: true,
					PermissionsViewAllUsers: true,
				},
			},
		]);
		const withProfile = org.users.filter((user) => user.profileName !== null).length;
		const owned = await query('SELECT COUNT() FROM PermissionSetAssignment WHERE PermissionSet.IsOwnedByProfile = true');
		expect(owned.totalSize).toBe(withProfile);
		expect(await rights(admin.id)).toEqual({manageUsers: true, viewAllUsers: true});
	});

	it('has an active Standard user with no rights at all: nonAdminUsername', async () => {
		const user = userNamed(org.nonAdminUsername);
		expect(user).toMatchObject({isActive: true, userType: 'Standard'});
		expect(user.profileName).not.toBe('System Administrator');
		expect(await rights(user.id)).toEqual({manageUsers: false, viewAllUsers: false});
		const sets = (await query(assignmentsQuery(user.id))).records;
		expect(sets).toHaveLength(1);
		expect(sets[0].PermissionSet.IsOwnedByProfile).toBe(true);
	});

	it('grants Manage Users to a few non-administrators through the User Management permission set', async () => {
		const permissionSet = await query("SELECT Id, Name, Label, IsOwnedByProfile, ProfileId, PermissionsManageUsers, PermissionsViewAllUsers FROM PermissionSet WHERE Name = 'User_Management'");
		expect(permissionSet.records[0]).toMatchObject({
			Label: 'User Management',
			IsOwnedByProfile: false,
			ProfileId: null,
			PermissionsManageUsers: true,
			PermissionsViewAllUsers: true,
		});
		const assignees = await query("SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = 'User_Management'");
		expect(assignees.totalSize).toBeGreaterThanOrEqual(1);
		expect(assignees.totalSize).toBeLessThanOrEqual(3);
		for (const record of assignees.records) {
			const user = org.users.find((candidate) => candidate.id === record.AssigneeId)!;
			expect(user).toMatchObject({isActive: true, userType: 'Standard'});
			expect(user.profileName).not.toBe('System Administrator');
			expect(user.username).not.toBe(org.nonAdminUsername);
			expect(await rights(user.id)).toEqual({manageUsers: true, viewAllUsers: true});
		}
	});

	it('lists one profile-owned permission set per profile, with the rights of the profile', async () => {
		const profiles = await query('SELECT Id, Name, PermissionsManageUsers FROM Profile');
		const owned = await query('SELECT ProfileId, Profile.Name, PermissionsManageUsers FROM PermissionSet WHERE IsOwnedByProfile = true');
		expect(owned.totalSize).toBe(profiles.totalSize);
		for (const set of owned.records) {
			const profile = profiles.records.find((candidate) => candidate.Id === set.ProfileId);
			expect(profile.Name).toBe(set.Profile.Name);
			expect(set.PermissionsManageUsers).toBe(profile.PermissionsManageUsers);
			expect(set.PermissionsManageUsers).toBe(profile.Name === 'System Administrator');
		}
	});

	it('exposes the administrator and the same non-administrator for the same seed', async () => {
		const twin = await startDemoOrg({users: 300, seed: 31});
		try {
			expect(twin.adminUsername).toBe(org.adminUsername);
			expect(twin.nonAdminUsername).toBe(org.nonAdminUsername);
			expect(org.nonAdminUsername).not.toBe(org.adminUsername);
		} finally {
			await twin.close();
		}
	});

	it('has a non-administrator in every generated org of two or more users, and says so when given records have none', async () => {
		for (const [users, seed] of [[2, 0], [2, 2], [3, 8], [25, 1]] as const) {
			const small = await startDemoOrg({users, seed});
			try {
				expect(small.nonAdminUsername).not.toBe('');
				expect(small.users.find((user) => user.username === small.nonAdminUsername)).toMatchObject({isActive: true, userType: 'Standard'});
			} finally {
				await small.close();
			}
		}

		const onlyAdmin = await startDemoOrg({
			records: [{id: '005Dm0000002222', firstName: 'Ada', lastName: 'Root', email: 'ada@example.com', username: 'ada@example.com', isActive: true, userType: 'Standard', title: null, department: null, profileName: 'System Administrator'}],
		});
		try {
			expect(onlyAdmin.adminUsername).toBe('ada@example.com');
			expect(onlyAdmin.nonAdminUsername).toBe('');
		} finally {
			await onlyAdmin.close();
		}
	});
});
