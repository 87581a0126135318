import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openSession} from '../../source/session.js';
import {App} from '../../source/ui/app.js';
import {inkDriver, openSalesforceDashboard} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {makeTempHome} from '../support/temp-home.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		// eslint-disable-next-line no-await-in-loop
		await cleanup();
	}
});

async function startOrg(users: number): Promise<DemoOrg> {
	const org = await startDemoOrg({users, seed: 7});
	cleanups.push(async () => org.close());
	return org;
}

async function startApp(org: DemoOrg, home = makeTempHome()) {
	const session = await openSession({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken}, home.env);
	const rendered = render(<App services={session.services} size={{columns: 120, rows: 30}} />);
	cleanups.push(home.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	return {driver: inkDriver(rendered), session, home};
}

const userQueries = (org: DemoOrg) => org.queries.filter((soql) => / FROM User( |$)/.test(soql) && soql.includes('ORDER BY LastName'));

describe('the Users tab asks Salesforce only for what it shows', () => {
	it('lists active Standard users from a SOQL filter, and fetches the rest only when h asks for it', async () => {
		const org = await startOrg(300);
		const importable = org.users.filter((user) => user.isActive && user.userType === 'Standard').length;
		const {driver} = await startApp(org);
		await openSalesforceDashboard(driver);
		await driver.press(keys.tab);
		await driver.waitFor(new RegExp(`\\b${importable} listed \\(active Standard\\)`));
		expect(userQueries(org)).toEqual([expect.stringMatching(/WHERE IsActive = true AND UserType = 'Standard' ORDER BY/)]);

		await driver.press('h');
		await driver.waitFor(new RegExp(`\\b${org.users.length} listed · `));
		expect(userQueries(org)).toHaveLength(2);
		expect(userQueries(org)[1]).toMatch(/WHERE NOT \(IsActive = true AND UserType = 'Standard'\) ORDER BY/);

		// Hiding and showing again reuses what was fetched.
		await driver.press('h');
		await driver.waitFor(new RegExp(`\\b${importable} listed \\(active Standard\\)`));
		await driver.press('h');
		await driver.waitFor(new RegExp(`\\b${org.users.length} listed · `));
		expect(userQueries(org)).toHaveLength(2);
	});
});

describe('the Overview tab says what the listing cost', () => {
	it('counts the API calls of the listing beside the users loaded: one REST page per 2,000 users', async () => {
		const org = await startOrg(3000);
		const importable = org.users.filter((user) => user.isActive && user.userType === 'Standard').length;
		const pages = Math.ceil(importable / 2000);
		expect(pages).toBeGreaterThan(1);
		const {driver} = await startApp(org);
		await openSalesforceDashboard(driver);
		await driver.waitFor(new RegExp(`Salesforce users +${importable.toLocaleString('en-US')} loaded · ${pages} API calls`));
	});
});

describe('a listing above the Bulk threshold', () => {
	it('reads the rest with one Bulk API 2.0 job, lists the same users, and Overview counts its calls', async () => {
		const org = await startOrg(3000);
		const importable = org.users.filter((user) => user.isActive && user.userType === 'Standard').length;
		expect(importable).toBeGreaterThan(2000);
		const home = makeTempHome();
		const session = await openSession({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken}, {...home.env, SALESSCREEN_BULK_THRESHOLD: '1000'});
		const rendered = render(<App services={session.services} size={{columns: 120, rows: 30}} />);
		cleanups.push(home.remove, async () => session.close(), () => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await openSalesforceDashboard(driver);
		// The REST first page, the job's creation, two looks at it, one set of results.
		await driver.waitFor(new RegExp(`Salesforce users +${importable.toLocaleString('en-US')} loaded · 5 API calls`));
		await driver.press(keys.tab);
		await driver.waitFor(`${importable.toLocaleString('en-US')} listed (active Standard) · ${importable.toLocaleString('en-US')} users`);
	});

	it('refuses a threshold that is not a number of users, before anything opens', async () => {
		const home = makeTempHome();
		cleanups.push(home.remove);
		await expect(openSession({kind: 'token', instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'token'}, {...home.env, SALESSCREEN_BULK_THRESHOLD: 'lots'})).rejects.toThrow(
			'SALESSCREEN_BULK_THRESHOLD="lots" is not a number of users; give one such as 50000, or never.',
		);
	});
});
