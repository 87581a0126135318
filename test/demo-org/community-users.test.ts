import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {generateDemoOrg} from '../../source/demo-org/generate-users.js';
import {get, queryPath} from './demo-org-client.js';

const orgId = '00DDm000001Ab2CEA0';
let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 4000, seed: 11, communityShare: 0.9});
});

afterAll(async () => {
	await org.close();
});

async function query(soql: string) {
	const answer = await get(org, queryPath(soql), org.accessToken);
	expect(answer.status).toBe(200);
	return answer.body as {totalSize: number; records: Array<Record<string, any>>};
}

describe('a demo org with Experience Cloud sites (--community-share)', () => {
	it('holds about the share asked for of customer and partner users, in Salesforce UserType values', async () => {
		const groups = await query('SELECT UserType, COUNT(Id) n FROM User GROUP BY UserType');
		const byType = new Map(groups.records.map((row) => [row.UserType as string, row.n as number]));
		const portal = ['CspLitePortal', 'PowerCustomerSuccess', 'CustomerSuccess', 'PowerPartner'].map((type) => byType.get(type) ?? 0);
		expect(portal.every((count) => count > 20)).toBe(true);
		const portalCount = portal.reduce((sum, count) => sum + count, 0);
		expect(portalCount).toBeGreaterThanOrEqual(3600);
		expect(byType.get('Standard')).toBeGreaterThan(300);
		expect(byType.get('Standard')).toBeLessThan(400);
		expect([...byType.values()].reduce((sum, count) => sum + count, 0)).toBe(4000);
	});

	it('gives portal users their contact and account, grouped by company, and IsPortalEnabled', async () => {
		const users = await query("SELECT Id, Email, Username, ContactId, AccountId, IsPortalEnabled, Profile.Name, IsActive, CreatedDate FROM User WHERE UserType = 'CspLitePortal'");
		expect(users.totalSize).toBeGreaterThan(1000);
		const records = users.records;
		expect(records.every((user) => user.IsPortalEnabled === true && /^003/.test(user.ContactId) && /^001/.test(user.AccountId))).toBe(true);
		expect(new Set(records.map((user) => user.Username)).size).toBe(records.length);
		expect(new Set(records.map((user) => user.ContactId)).size).toBe(records.length);
		// About forty users an account: accounts are shared, and each one's users share its email domain.
		const domainsByAccount = new Map<string, Set<string>>();
		for (const user of records) {
			const domains = domainsByAccount.get(user.AccountId) ?? new Set<string>();
			domains.add((user.Email as string).split('@')[1]!);
			domainsByAccount.set(user.AccountId, domains);
		}

		expect(domainsByAccount.size).toBeLessThan(records.length / 5);
		expect([...domainsByAccount.values()].every((domains) => domains.size === 1)).toBe(true);
		expect(new Set(records.map((user) => user['Profile']?.Name))).toEqual(new Set(['Customer Community User', 'High Volume Customer Portal User']));
		expect(records.some((user) => user.IsActive === false)).toBe(true);
	});

	it('answers the importable listing with only the org\'s own people', async () => {
		const listing = await query("SELECT Id, UserType FROM User WHERE IsActive = true AND UserType = 'Standard'");
		expect(listing.totalSize).toBeGreaterThan(250);
		expect(listing.totalSize).toBeLessThan(400);
	});

	it('is the same org for the same seed, and changes to a community user are kept', () => {
		const first = generateDemoOrg({count: 3000, seed: 3, orgId, communityShare: 0.9});
		const second = generateDemoOrg({count: 3000, seed: 3, orgId, communityShare: 0.9});
		const fields = (users: typeof first.users) => users.map((user) => [user.id, user.username, user.email, user.userType, user.isActive, user.profileName, user.createdDate]);
		expect(fields(second.users)).toEqual(fields(first.users));
		expect(new Set(first.users.map((user) => user.id)).size).toBe(3000);

		const portalUser = first.users.at(-1)!;
		portalUser.isActive = !portalUser.isActive;
		expect(portalUser.isActive).toBe(!second.users.at(-1)!.isActive);
	});
});
