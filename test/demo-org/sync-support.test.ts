import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {parseUserRecords} from '../../source/demo-org/users-file.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchOrganizationFacts} from '../../source/salesforce/organization-query.js';
import {changedUsersQuery, fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import {get, queryPath} from './demo-org-client.js';

const orgs: DemoOrg[] = [];
afterEach(async () => {
	await Promise.all(orgs.splice(0).map(async (org) => org.close()));
});

async function start(options: Parameters<typeof startDemoOrg>[0]) {
	const org = await startDemoOrg(options);
	orgs.push(org);
	return {org, connection: openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken})};
}

describe('what automatic sync needs of the demo org', () => {
	it('serves a sandbox, whose user emails end in ".invalid" as a real sandbox\'s do', async () => {
		const {org, connection} = await start({users: 40, seed: 3, sandbox: true});
		expect(await fetchOrganizationFacts(connection)).toEqual({orgId: org.orgId, isSandbox: true});
		const users = await fetchSalesforceUsers(connection);
		const admin = users.find((user) => user.id === org.adminUserId)!;
		expect(admin.email).toBe(`${org.users.find((user) => user.id === org.adminUserId)!.email}.invalid`);
		const production = await start({users: 40, seed: 3});
		expect((await fetchOrganizationFacts(production.connection)).isSandbox).toBe(false);
		expect((await fetchSalesforceUsers(production.connection)).every((user) => !user.email?.endsWith('.invalid'))).toBe(true);
	});

	it('serves role, FederationIdentifier and a SystemModstamp that is the same for the same seed', async () => {
		const {connection} = await start({users: 60, seed: 5});
		const again = await start({users: 60, seed: 5});
		const users = await fetchSalesforceUsers(connection);
		expect(users.some((user) => user.roleName !== null)).toBe(true);
		expect(users.filter((user) => user.federationIdentifier?.startsWith('E')).length).toBeGreaterThan(30);
		expect(users.every((user) => user.systemModstamp?.endsWith('.000Z'))).toBe(true);
		expect((await fetchSalesforceUsers(again.connection)).map((user) => user.systemModstamp)).toEqual(users.map((user) => user.systemModstamp));
	});

	it('answers WHERE SystemModstamp > a date-time literal with the users updateUser changed, and logs each query', async () => {
		const {org, connection} = await start({users: 60, seed: 5});
		const everyone = await fetchSalesforceUsers(connection);
		const newest = everyone.map((user) => user.systemModstamp!).sort().at(-1)!;
		const [first, second] = everyone.filter((user) => user.id !== org.adminUserId);
		const changed = org.updateUser(first!.id, {isActive: false});
		org.updateUser(second!.id, {title: 'Promoted'});
		expect(Date.parse(changed.systemModstamp!)).toBeGreaterThan(Date.parse(newest));

		const since = await fetchSalesforceUsers(connection, {modifiedSince: newest});
		expect(since.map((user) => user.id).sort()).toEqual([first!.id, second!.id].sort());
		expect(since.find((user) => user.id === first!.id)?.isActive).toBe(false);
		expect(org.queries.at(-1)).toBe(changedUsersQuery(newest));
		expect(org.queries.at(-1)).toMatch(/WHERE SystemModstamp > \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ ORDER BY/);

		// A literal in quotes is a string, which Salesforce refuses for a date-time field.
		const quoted = await get(org, queryPath(`SELECT Id FROM User WHERE SystemModstamp > '${newest}'`), org.accessToken);
		expect(quoted.status).toBe(400);
		expect(() => org.updateUser('005000000000000AAA', {isActive: false})).toThrow(/No user/);
	});

	it('reads FederationIdentifier and SystemModstamp from a users file', () => {
		const [user] = parseUserRecords(
			[{Id: '005000000000001AAA', LastName: 'Lee', Email: 'lee@acme.com', Username: 'lee@acme.com', FederationIdentifier: 'E9', SystemModstamp: '2025-01-02T03:04:05.000+0000'}],
			'test',
		);
		expect(user).toMatchObject({federationIdentifier: 'E9', systemModstamp: '2025-01-02T03:04:05.000+0000'});
	});
});
