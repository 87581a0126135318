import {afterEach, describe, expect, it} from 'vitest';
import type {Connection} from 'jsforce';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {activityOwnersQuery, fetchActivityOwners, fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import type {SalesObject} from '../../source/core/sync-scope.js';

const orgs: DemoOrg[] = [];
afterEach(async () => {
	await Promise.all(orgs.splice(0).map(async (org) => org.close()));
});

async function start() {
	const org = await startDemoOrg({users: 120, seed: 11});
	orgs.push(org);
	return {org, connection: openConnection({instanceUrl: org.instanceUrl, accessToken: org.accessToken})};
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The owners of recent records worked out here from every record, without a semi-join or a date literal:
 * LAST_N_DAYS:n runs from midnight n days before today (UTC in the demo org) to now.
 */
async function ownersFromEveryRecord(connection: Connection, objects: readonly SalesObject[], days: number): Promise<string[]> {
	const now = new Date();
	const since = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * dayMs;
	const owners = new Set<string>();
	for (const object of objects) {
		// eslint-disable-next-line no-await-in-loop
		const result = await connection.query<{OwnerId: string; LastModifiedDate: string}>(`SELECT OwnerId, LastModifiedDate FROM ${object}`, {autoFetch: true, maxFetch: 100_000});
		for (const record of result.records) {
			if (Date.parse(record.LastModifiedDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) >= since) {
				owners.add(record.OwnerId);
			}
		}
	}

	return [...owners].sort();
}

describe('the owners of recent sales activity', () => {
	it('asks one semi-join per object, which names the object and the days', () => {
		expect(activityOwnersQuery('Task', 30)).toMatch(/ FROM User WHERE Id IN \(SELECT OwnerId FROM Task WHERE LastModifiedDate = LAST_N_DAYS:30\) ORDER BY /);
		expect(() => activityOwnersQuery('Lead' as SalesObject, 30)).toThrow(TypeError);
	});

	it.each([
		[['Opportunity', 'Task', 'Event'] as SalesObject[], 30],
		[['Opportunity'] as SalesObject[], 30],
		[['Task', 'Event'] as SalesObject[], 7],
	])('are exactly the owners of %j records changed in the last %i days, read from the demo org', async (objects, days) => {
		const {org, connection} = await start();
		const expected = await ownersFromEveryRecord(connection, objects, days);
		const before = org.queries.length;
		const owners = await fetchActivityOwners(connection, {objects, days});
		expect(owners.map((user) => user.id).sort()).toEqual(expected);
		// Someone has activity, and not everyone: the scope means something in this org.
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan((await fetchSalesforceUsers(connection)).length);
		// Asked with one semi-join per object, never by listing the records.
		expect(org.queries.slice(before, before + objects.length)).toEqual(objects.map((object) => activityOwnersQuery(object, days)));
	});

	it('finds fewer owners over fewer days', async () => {
		const {connection} = await start();
		const month = await fetchActivityOwners(connection, {objects: ['Opportunity'], days: 30});
		const day = await fetchActivityOwners(connection, {objects: ['Opportunity'], days: 1});
		expect(day.length).toBeLessThan(month.length);
		expect(day.every((user) => month.some((owner) => owner.id === user.id))).toBe(true);
	});
});
