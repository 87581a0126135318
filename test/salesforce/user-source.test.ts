import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import {isListedByDefault} from '../../source/core/salesforce-user.js';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 5000, seed: 7});
});

afterAll(async () => {
	await org.close();
});

function connect() {
	return openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken});
}

describe('fetchSalesforceUsers over the demo org with jsforce', () => {
	it('lists all 5,000 users in batches of 200, one onBatch call per batch', async () => {
		const batches: Array<{size: number; loaded: number; total: number}> = [];
		const users = await fetchSalesforceUsers(connect(), {
			batchSize: 200,
			onBatch(batch, progress) {
				batches.push({size: batch.length, ...progress});
			},
		});

		expect(batches).toHaveLength(25);
		expect(batches.every((entry) => entry.size === 200 && entry.total === 5000)).toBe(true);
		expect(batches.map((entry) => entry.loaded)).toEqual(Array.from({length: 25}, (_, index) => (index + 1) * 200));
		expect(users).toHaveLength(5000);
		expect(new Set(users.map((user) => user.id)).size).toBe(5000);
		expect(new Set(users.map((user) => user.id))).toEqual(new Set(org.users.map((user) => user.id)));
	});

	it('uses batches of 2,000 by default', async () => {
		const sizes: number[] = [];
		const users = await fetchSalesforceUsers(connect(), {
			onBatch(batch) {
				sizes.push(batch.length);
			},
		});

		expect(sizes).toEqual([2000, 2000, 1000]);
		expect(users).toHaveLength(5000);
	});

	it('returns users sorted by last name, first name and id, mapped to the core type', async () => {
		const users = await fetchSalesforceUsers(connect());
		// Salesforce sorts text by its upper-case form, nulls first.
		const key = (user: SalesforceUser) => `${user.lastName.toUpperCase()}\u0000${(user.firstName ?? '').toUpperCase()}\u0000${user.id}`;
		const keys = users.map((user) => key(user));
		expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

		const admin = users.find((user) => user.id === org.adminUserId)!;
		const record = org.users.find((user) => user.id === org.adminUserId)!;
		expect(admin).toEqual({
			id: record.id,
			firstName: record.firstName,
			lastName: record.lastName,
			email: record.email,
			username: record.username,
			isActive: true,
			userType: 'Standard',
			title: record.title,
			department: record.department,
			profileName: 'System Administrator',
			roleName: record.roleName ?? null,
			federationIdentifier: record.federationIdentifier ?? null,
			// Served in whole seconds, as Salesforce does.
			systemModstamp: new Date(Math.floor(Date.parse(record.createdDate!) / 1000) * 1000).toISOString(),
		});
		const automated = users.find((user) => user.userType === 'AutomatedProcess')!;
		expect(automated.firstName).toBeNull();
		expect(automated.profileName).toBeNull();
	});

	it('stops between batches when aborted', async () => {
		const controller = new AbortController();
		let calls = 0;
		const listing = fetchSalesforceUsers(connect(), {
			batchSize: 200,
			signal: controller.signal,
			onBatch() {
				calls++;
				if (calls === 2) {
					controller.abort(new Error('stopped by test'));
				}
			},
		});

		await expect(listing).rejects.toThrow('stopped by test');
		expect(calls).toBe(2);
	});

	it('asks Salesforce in SOQL for active Standard users only when it lists the importable part', async () => {
		const users = await fetchSalesforceUsers(connect(), {part: 'importable'});
		expect(org.queries.at(-1)).toMatch(/ FROM User WHERE IsActive = true AND UserType = 'Standard' ORDER BY LastName, FirstName, Id$/);
		const expected = org.users.filter((user) => user.isActive && user.userType === 'Standard');
		expect(expected.length).toBeLessThan(org.users.length);
		expect(new Set(users.map((user) => user.id))).toEqual(new Set(expected.map((user) => user.id)));
		expect(users.every((user) => isListedByDefault(user))).toBe(true);
	});

	it('asks for the rest of the org on its own, so the two parts together are every user exactly once', async () => {
		const importable = await fetchSalesforceUsers(connect(), {part: 'importable'});
		const rest = await fetchSalesforceUsers(connect(), {part: 'rest'});
		expect(org.queries.at(-1)).toMatch(/ WHERE NOT \(IsActive = true AND UserType = 'Standard'\) ORDER BY/);
		expect(rest.some((user) => isListedByDefault(user))).toBe(false);
		expect(importable.length + rest.length).toBe(org.users.length);
		expect(new Set([...importable, ...rest].map((user) => user.id))).toEqual(new Set(org.users.map((user) => user.id)));
	});

	it('combines a part with the moment of an incremental read', async () => {
		await fetchSalesforceUsers(connect(), {part: 'rest', modifiedSince: '2025-01-01T00:00:00.000Z'});
		expect(org.queries.at(-1)).toMatch(/ WHERE \(NOT \(IsActive = true AND UserType = 'Standard'\)\) AND SystemModstamp > 2025-01-01T00:00:00Z ORDER BY/);
	});
});
