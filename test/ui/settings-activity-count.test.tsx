import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';
import {defaultSyncScope, inSyncScope} from '../../source/core/sync-scope.js';
import {openSession, type Session} from '../../source/session.js';
import {App} from '../../source/ui/app.js';
import {inkDriver, openSalesforceDashboard} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {sharedDemoOrgs} from '../support/shared-demo-org.js';
import {makeTempHome} from '../support/temp-home.js';

const startSharedDemoOrg = sharedDemoOrgs();

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		// eslint-disable-next-line no-await-in-loop
		await cleanup();
	}
});

const dayMs = 24 * 60 * 60 * 1000;

/** Owners of opportunities changed in the last 30 days, from every record rather than a semi-join. */
async function recentOpportunityOwners(session: Session): Promise<Set<string>> {
	const now = new Date();
	const since = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 30 * dayMs;
	const {records} = await session.connection.query<{OwnerId: string; LastModifiedDate: string}>('SELECT OwnerId, LastModifiedDate FROM Opportunity', {autoFetch: true, maxFetch: 100_000});
	return new Set(records.filter((record) => Date.parse(record.LastModifiedDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) >= since).map((record) => record.OwnerId));
}

describe('the Settings tab with the sales activity scope', () => {
	it('counts only the users who own recent activity', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'demo', users: 120, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
		cleanups.push(temp.remove, async () => session.close());
		const scope = {...defaultSyncScope, activity: {objects: ['Opportunity' as const], days: 30}};
		session.settings.set('syncScope', scope);
		const users: SalesforceUser[] = [];
		await session.services.fetchUsers((batch) => {
			users.push(...batch);
		}, new AbortController().signal);
		const owners = await recentOpportunityOwners(session);
		const expected = users.filter((user) => inSyncScope(user, scope, owners)).length;
		expect(expected).toBeGreaterThan(0);
		expect(expected).toBeLessThan(users.filter((user) => inSyncScope(user, defaultSyncScope)).length);

		const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
		cleanups.push(() => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await openSalesforceDashboard(driver);
		await driver.press(keys.shiftTab);
		const frame = await driver.waitFor(new RegExp(`(^|\\s)${expected} of ${users.length} users in scope\\.`));
		expect(frame).toContain('active only; owners of opportunities');
	});
});

/** Owners of records of these objects changed in the last `days` days, from every record rather than a semi-join. */
async function recentOwners(session: Session, objects: readonly string[], days: number): Promise<Set<string>> {
	const now = new Date();
	const since = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * dayMs;
	const owners = new Set<string>();
	for (const object of objects) {
		// eslint-disable-next-line no-await-in-loop
		const {records} = await session.connection.query<{OwnerId: string; LastModifiedDate: string}>(`SELECT OwnerId, LastModifiedDate FROM ${object}`, {autoFetch: true, maxFetch: 100_000});
		for (const record of records) {
			if (Date.parse(record.LastModifiedDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) >= since) {
				owners.add(record.OwnerId);
			}
		}
	}

	return owners;
}

describe('the scope editor', () => {
	it('turns the sales activity rule on, picks its objects and days, and the count follows each change', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'demo', users: 120, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
		cleanups.push(temp.remove, async () => session.close());
		const users: SalesforceUser[] = [];
		await session.services.fetchUsers((batch) => {
			users.push(...batch);
		}, new AbortController().signal);
		// The owners decide only under a scope that asks about activity; which objects and days, they already say.
		const count = (owners?: Set<string>) =>
			users.filter((user) => inSyncScope(user, owners ? {...defaultSyncScope, activity: {objects: ['Opportunity'], days: 1}} : defaultSyncScope, owners)).length;
		const everyObject = count(await recentOwners(session, ['Opportunity', 'Task', 'Event'], 30));
		const opportunities30 = count(await recentOwners(session, ['Opportunity'], 30));
		const opportunities60 = count(await recentOwners(session, ['Opportunity'], 60));
		// The three steps must each change the count, or the test could not tell them apart.
		expect(new Set([count(), everyObject, opportunities30, opportunities60]).size).toBe(4);

		const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
		cleanups.push(() => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await openSalesforceDashboard(driver);
		await driver.press(keys.shiftTab);
		await driver.waitFor(`${count()} of ${users.length} users in scope.`);
		await driver.press(keys.down, keys.enter);
		await driver.waitFor('[ ] Only users who own recent sales activity');
		// Active only, the heading, then the rule itself.
		await driver.press(keys.down, keys.down, keys.space);
		await driver.waitFor(`${everyObject} of ${users.length} users in scope`);
		expect(driver.frame()).toContain('[x] Only users who own recent sales activity');
		// Tasks and Events off: owners of opportunities only.
		await driver.press(keys.down, keys.down, keys.space, keys.down, keys.space);
		await driver.waitFor(`${opportunities30} of ${users.length} users in scope`);
		await driver.press(keys.down, keys.space);
		await driver.waitFor('created or changed in the last 60 days');
		await driver.waitFor(`${opportunities60} of ${users.length} users in scope`);
		await driver.press(keys.enter);
		// The saved scope's own count, on the Settings tab again.
		await driver.waitFor(`active only; owners of opportunities create`);
		await driver.waitFor(`${opportunities60} of ${users.length} users in scope.`);
		expect(session.settings.get('syncScope').activity).toEqual({objects: ['Opportunity'], days: 60});
	});
});

describe('the default team row', () => {
	it('picks the team sync puts new people on, and no team again', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'demo', users: 40, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
		cleanups.push(temp.remove, async () => session.close());
		await session.services.teams.create('Closers');
		const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
		cleanups.push(() => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await openSalesforceDashboard(driver);
		await driver.press(keys.shiftTab);
		await driver.waitFor('Team for people sync brings in:  none');
		expect(driver.frame()).toContain('None: people sync brings in are on no team, and their sales activity is not counted.');
		await driver.press(keys.down, keys.down, keys.enter);
		await driver.waitFor('❯ Closers');
		await driver.press(keys.enter);
		await driver.waitFor('Team for people sync brings in:  Closers');
		expect(session.settings.get('defaultTeam')).toBe('Closers');
		await driver.press(keys.enter);
		await driver.waitFor('❯ Closers');
		await driver.press(keys.down, keys.down, keys.enter);
		await driver.waitFor('Team for people sync brings in:  none');
		expect(session.settings.get('defaultTeam')).toBe('');
	});
});
