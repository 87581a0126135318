import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession, type Session} from '../../source/session.js';
import {openSettings} from '../../source/settings/settings.js';
import {App} from '../../source/ui/app.js';
import {inkDriver} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {makeTempHome} from '../support/temp-home.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		// eslint-disable-next-line no-await-in-loop
		await cleanup();
	}
});

async function startApp(rows = 30) {
	const temp = makeTempHome();
	const session: Session = await openSession({kind: 'demo', users: 300, seed: 7}, temp.env);
	const rendered = render(<App services={session.services} size={{columns: 140, rows}} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	const driver = inkDriver(rendered);
	await driver.waitFor('Enter open');
	return {session, driver, temp};
}

/** Sidebar → Integrations → Salesforce (Manage) → Users tab. */
async function openUsersTab(driver: ReturnType<typeof inkDriver>) {
	await driver.press(keys.enter);
	await driver.waitFor('Enter Manage');
	await driver.press(keys.enter);
	await driver.waitFor('Overview');
	await driver.press(keys.tab);
	return driver.waitFor(/page 1 of \d+/);
}

function countPeople(session: Session): number {
	return (session.store.sqlite.prepare('select count(*) as n from people').get() as {n: number}).n;
}

describe('the Users tab', () => {
	it('walks the path, checks users across pages, imports them and shows the result', async () => {
		const {session, driver} = await startApp();
		const seeded = countPeople(session);
		await openUsersTab(driver);
		await driver.waitFor(/\d+ users/);

		await driver.press(keys.space);
		await driver.waitFor('1 selected');
		await driver.press(keys.down, keys.space);
		await driver.waitFor('2 selected');
		await driver.press(keys.right);
		await driver.waitFor('page 2 of');
		await driver.press(keys.space);
		await driver.waitFor('3 selected');

		// A whole page: the cursor's page is page 2, one of whose rows is already checked.
		const pageRows = driver.frame().split('\n').filter((line) => /\[[ x]\]/.test(line)).length;
		await driver.press('a');
		await driver.waitFor(`${2 + pageRows} selected`);
		await driver.press(keys.left);
		await driver.waitFor('page 1 of');

		await driver.press('i');
		await driver.waitFor('What Import users will do');
		expect(driver.frame()).toMatch(/will be created as new SalesScreen people/);
		await driver.press(keys.enter);
		const result = await driver.waitFor(/Done\. Run #\d+ is recorded/);
		expect(result).toMatch(/created/);

		const imported = countPeople(session) - seeded;
		const links = (session.store.sqlite.prepare('select count(*) as n from salesforce_links').get() as {n: number}).n;
		expect(links).toBe(2 + pageRows);
		expect(imported).toBeLessThanOrEqual(links);
		await driver.press(keys.escape);
		await driver.waitFor('0 selected');
		expect(driver.frame()).toContain('already imported');
	});

	it('previews email mapping to people who already exist', async () => {
		const {driver, session} = await startApp();
		expect(session.services.demoPeopleSeeded).toBeGreaterThan(0);
		await openUsersTab(driver);
		await driver.waitFor(/\d+ users/);
		const seededEmail = (session.store.sqlite.prepare("select email_normalised as e from people where origin = 'demo-seed' limit 1").get() as {e: string}).e;
		await driver.press('/');
		await driver.type(seededEmail);
		await driver.press(keys.enter);
		await driver.waitFor(/→ \S.* \(email\)/);
	});

	it('checks every listed user on every page only after a confirmation', async () => {
		const {driver} = await startApp();
		await openUsersTab(driver);
		const frame = await driver.waitFor(/([\d,]+) listed/);
		const listed = /([\d,]+) listed/.exec(frame)![1]!;
		await driver.press('A');
		await driver.waitFor(`Check all ${listed} listed users`);
		await driver.press('n');
		await driver.waitFor('0 selected');
		await driver.press('A');
		await driver.waitFor('Check all');
		await driver.press('y');
		await driver.waitFor(`${listed} selected`);
	});

	it('keeps the selection while filtering and says when nothing matches', async () => {
		const {driver} = await startApp();
		await openUsersTab(driver);
		await driver.waitFor(/\d+ users/);
		await driver.press(keys.space);
		await driver.waitFor('1 selected');
		await driver.press('/');
		await driver.type('zzzz-nobody');
		await driver.waitFor('No users match "zzzz-nobody"');
		await driver.press(keys.escape);
		await driver.waitFor((text) => !text.includes('filter:') && text.includes('1 selected'));
	});

	it('asks for a selection before importing', async () => {
		const {driver} = await startApp();
		await openUsersTab(driver);
		await driver.press('i');
		await driver.waitFor('Check users first');
	});
});

describe('the Settings tab', () => {
	it('turns automatic sync on and keeps it across runs', async () => {
		const {driver, temp} = await startApp();
		await driver.press(keys.enter);
		await driver.waitFor('Enter Manage');
		await driver.press(keys.enter);
		await driver.waitFor('Overview');
		await driver.press(keys.shiftTab);
		await driver.waitFor('Automatically sync users:  off');
		expect(driver.frame()).toContain('Last automatic sync: never ran.');
		await driver.press(keys.enter);
		await driver.waitFor('Automatically sync users:  on');
		expect(openSettings(temp.home).get('autoSync')).toBe(true);
	});
});

describe('an org that cannot be reached', () => {
	it('says so in words and offers a retry', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'token', instanceUrl: 'http://127.0.0.1:9', accessToken: 'nope'}, temp.env);
		const rendered = render(<App services={session.services} size={{columns: 120, rows: 24}} />);
		cleanups.push(temp.remove, async () => session.close(), () => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await driver.waitFor('not working', 40_000);
		await openUsersTab(driver);
		await driver.waitFor('Could not load Salesforce users', 40_000);
		expect(driver.frame()).toContain('Press r to retry');
	}, 60_000);
});
