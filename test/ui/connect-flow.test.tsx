import fs from 'node:fs';
import path from 'node:path';
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg, type DemoOrgOptions} from '../../source/demo-org/demo-org.js';
import {openSession, type OrgTarget} from '../../source/session.js';
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

/** The Users tab lists the active Standard users by default: the count it shows once they have all arrived. */
function importableCount(org: DemoOrg): number {
	return org.users.filter((user) => user.isActive && user.userType === 'Standard').length;
}

async function demoOrg(options: DemoOrgOptions): Promise<DemoOrg> {
	const org = await startDemoOrg({seed: 31, devicePollIntervalSeconds: 0, ...options});
	cleanups.push(async () => org.close());
	return org;
}

/** The app as `salesscreen` opens it, on the Salesforce › Manage › Overview tab. */
async function openOverview(target: OrgTarget = {kind: 'saved-or-demo'}) {
	const temp = makeTempHome();
	const session = await openSession(target, temp.env, {startDemoOrg: startSharedDemoOrg});
	const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	const driver = inkDriver(rendered);
	await openSalesforceDashboard(driver);
	return {driver, rendered, home: temp.home};
}

type Driver = Awaited<ReturnType<typeof openOverview>>['driver'];

/** Overview › Connect › Device login › My Domain or another URL, typed; leaves the client id question open. */
async function startDeviceLogin(driver: Driver, loginUrl: string) {
	await driver.press(keys.down);
	await driver.waitFor('❯ Connect');
	await driver.press(keys.enter);
	await driver.waitFor('How do you want to connect?');
	await driver.press(keys.enter);
	await driver.waitFor('Where does the org sign in?');
	await driver.press(keys.down, keys.down);
	await driver.waitFor('❯ My Domain');
	await driver.press(keys.enter);
	await driver.waitFor('Login URL');
	await driver.type(loginUrl);
	await driver.press(keys.enter);
}

/** The device login with the default client id, then approval on "another device". */
async function connectByDevice(driver: Driver, org: DemoOrg, username?: string) {
	await startDeviceLogin(driver, org.instanceUrl);
	await driver.waitFor('Client id PlatformCLI');
	await driver.press(keys.enter);
	const frame = await driver.waitFor(/2\. Enter\s+((?:[A-Z\d] )+[A-Z\d])/);
	const userCode = /2\. Enter\s+((?:[A-Z\d] )+[A-Z\d])/.exec(frame)![1]!.replaceAll(' ', '');
	expect(frame).toContain(`${org.instanceUrl}/setup/connect`);
	org.approveDevice(userCode, username === undefined ? {} : {username});
	return driver.waitFor('Connected to');
}

describe('connecting an org from the Overview tab', () => {
	it('walks the device login, saves the connection, and lists the new org’s users', async () => {
		const org = await demoOrg({users: 45});
		const {driver, home} = await openOverview();
		expect(driver.frame()).toContain('DEMO ORG');

		const connected = await connectByDevice(driver, org);
		expect(connected).toContain(`as ${org.adminUsername}`);
		expect(connected).toContain('Admin rights: yes (profile System Administrator)');
		await driver.press(keys.enter);
		const overview = await driver.waitFor('Connected and authorized');
		expect(overview).toContain(`Device login via ${org.instanceUrl}`);
		expect(overview).not.toContain('DEMO ORG');
		expect(fs.statSync(path.join(home, 'connection.json')).mode & 0o777).toBe(0o600);

		await driver.press(keys.tab);
		await driver.waitFor(`${importableCount(org)} users`);
	});

	it('goes back to the questions when the admin cancels while waiting for approval, saving nothing', async () => {
		const org = await demoOrg({users: 20});
		const {driver, home} = await openOverview();
		await startDeviceLogin(driver, 'http://login.example.com');
		await driver.waitFor('not HTTPS');
		await driver.press(...Array.from({length: 'http://login.example.com'.length}, () => keys.backspace));
		await driver.type(org.instanceUrl);
		await driver.press(keys.enter);
		await driver.waitFor('Client id');
		await driver.press(keys.enter);
		await driver.waitFor('Waiting for approval');
		await driver.press(keys.escape);
		await driver.waitFor('Client id PlatformCLI');
		expect(fs.existsSync(path.join(home, 'connection.json'))).toBe(false);
	});

	it('says a user without Salesforce admin rights is connected, and blocks Import with the reason', async () => {
		const org = await demoOrg({users: 45});
		const {driver} = await openOverview();
		const connected = await connectByDevice(driver, org, org.nonAdminUsername);
		expect(connected).toContain('Import is blocked');
		await driver.press(keys.enter);
		const overview = await driver.waitFor('no Salesforce admin rights');
		expect(overview).toContain('connected · no admin rights');
		expect(overview).toMatch(/Admin rights\s+NO\./);

		await driver.press(keys.tab);
		await driver.waitFor(/page 1 of/);
		await driver.press(keys.space);
		await driver.waitFor('1 selected');
		await driver.press('i');
		// Said in a dialog where the table was, wrapped to its width.
		const blocked = await driver.waitFor('Esc or Enter closes');
		const said = blocked.split('\n').map((row) => row.replace(/^.*│\s*│\s?|\s*│\s*$/g, '').trim()).join(' ');
		expect(said).toContain(`Import is blocked The connected Salesforce user ${org.nonAdminUsername} has neither`);
	});
});

describe('what the app shows when the org fails', () => {
	it('retries a failing org with the attempt shown, then loads every user', async () => {
		const org = await demoOrg({users: 30, faults: {failNext: 2}});
		const {driver, rendered} = await openOverview({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken});
		await driver.waitFor('Connected and authorized');
		await driver.press(keys.tab);
		await driver.waitFor(`${importableCount(org)} users`);
		expect(rendered.frames.some((frame) => /retrying \(2 of 5\)|Retrying \(attempt 2 of 5\)/.test(frame))).toBe(true);
	});

	it('says at the top of the Users tab that the list is old once the org fails, and shows why import is blocked in place', async () => {
		const org = await demoOrg({users: 10});
		const {driver} = await openOverview({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken});
		await driver.waitFor('Connected and authorized');
		await driver.press(keys.tab);
		await driver.waitFor(`${importableCount(org)} users`);
		await driver.press(keys.space);
		await driver.waitFor('1 selected');

		org.setFaults({rejectAllSessions: true});
		await driver.press(keys.shiftTab);
		await driver.waitFor('❯ Test connection');
		await driver.press('r');
		const overview = await driver.waitFor(/Session refused/);
		expect(overview.split('\n')[0]).toContain('session refused · reconnect');

		await driver.press(keys.tab);
		const users = await driver.waitFor('1 selected');
		const rows = users.split('\n');
		const tableHeader = rows.findIndex((row) => /Name\s+Email/.test(row));
		const banner = rows.findIndex((row) => /Session refused since \d\d:\d\d:\d\d/.test(row));
		expect(banner).toBeGreaterThan(0);
		expect(banner).toBeLessThan(tableHeader);
		expect(users).toMatch(/This list is from \d\d:\d\d:\d\d and may be out of date/);

		await driver.press('i');
		const blocked = await driver.waitFor(/Import is blocked[\s│]+The connection could not be checked/);
		const reasonRow = blocked.split('\n').findIndex((row) => row.includes('The connection could not be checked'));
		expect(reasonRow).toBeLessThan(tableHeader + 3);
		await driver.press(keys.escape);
		await driver.waitFor((frame) => !frame.includes('The connection could not be checked') && frame.includes('1 selected'));

		org.setFaults({rejectAllSessions: false});
		await driver.press('r');
		const healed = await driver.waitFor((frame) => frame.split('\n')[0]!.includes('· connected') && !frame.includes('may be out of date'));
		expect(healed).toContain('1 selected');
	});

	it('has the header say what Overview says while the connection is being checked again', async () => {
		const org = await demoOrg({users: 10});
		const {driver} = await openOverview({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken});
		await driver.waitFor('Connected and authorized');
		await driver.waitFor((frame) => frame.split('\n')[0]!.includes('· connected'));
		// The check is held by the org: it answers only after the test has looked.
		org.setFaults({latencyMs: 600_000});
		await driver.press('r');
		const checking = await driver.waitFor(/Status\s+checking…/);
		expect(checking.split('\n')[0]).toContain('checking…');
	});

	it('says the session was refused and leads to Reconnect', async () => {
		const org = await demoOrg({users: 10});
		const {driver} = await openOverview({kind: 'token', instanceUrl: org.instanceUrl, accessToken: 'a-session-that-ended'});
		const overview = await driver.waitFor('Session refused');
		expect(overview).toContain('session refused · reconnect');
		await driver.press(keys.tab);
		await driver.waitFor('Press c to reconnect');
		await driver.press('c');
		await driver.waitFor('How do you want to connect?');
	});

	it('says when the org’s API allowance is used up, with the numbers', async () => {
		const org = await demoOrg({users: 10, apiDailyLimit: 3});
		const {driver} = await openOverview({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken});
		const frame = await driver.waitFor('used up its API calls');
		expect(frame).toMatch(/Used: 3 of 3 calls in the last 24 hours/);
	});

	it('says nothing answers when the org is down, and tests again on r', async () => {
		const org = await demoOrg({users: 10});
		const {driver} = await openOverview({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken});
		await driver.waitFor('Connected and authorized');
		await org.close();
		await driver.press('r');
		const down = await driver.waitFor(/Not working since \d\d:\d\d:\d\d: Nothing answers at http:\/\/127\.0\.0\.1:\d+/, 20_000);
		expect(down).toContain('(connection refused)');
	});
});
