import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {openSession, type Session} from '../../source/session.js';
import {openSettings} from '../../source/settings/settings.js';
import {openStore} from '../../source/store/database.js';
import {sqliteRunStore} from '../../source/store/sqlite-run-store.js';
import {App} from '../../source/ui/app.js';
import {inkDriver} from '../support/ink-driver.js';
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

async function startApp(rows = 30) {
	const temp = makeTempHome();
	const session: Session = await openSession({kind: 'demo', users: 300, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
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

/** "0 selected" standing alone: after a space or a line's start, never the tail of "270 selected". */
const noneSelected = /(?:^|[^\d,])0 selected/m;

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
		// The dialog gone and the selection cleared: "0 selected" as a number of its own, not the end of "270 selected".
		await driver.waitFor((frame) => !frame.includes('Done. Run #') && noneSelected.test(frame));
		expect(driver.frame()).toContain('already imported');
	});

	it('waits for another run holding the store, saying whose it is, then imports', async () => {
		const {driver, session} = await startApp();
		await openUsersTab(driver);
		await driver.waitFor(/\d+ users/);
		await driver.press(' ');
		await driver.waitFor(/(?:^|[^\d,])1 selected/m);

		// Another salesscreen process's import, on a connection of its own, holding the write lock.
		const other = openStore(session.store.file);
		let release!: () => void;
		let holding = false;
		const otherRun = sqliteRunStore(other).tryWriteLock({operator: 'bob', mode: 'manual', startedAt: '2026-05-04T14:02:00.000'}, async () => {
			holding = true;
			await new Promise<void>((resolve) => {
				release = resolve;
			});
		});
		cleanups.push(() => other.close());
		await vi.waitUntil(() => holding);

		await driver.press('i');
		await driver.waitFor('What Import users will do');
		await driver.press(keys.enter);
		await driver.waitFor('Waiting for another import to finish (started by bob at 14:02)…');
		expect(driver.frame()).not.toMatch(/Done\. Run #/);

		release();
		await otherRun;
		await driver.waitFor((frame) => /Done\. Run #\d+ is recorded/.test(frame) && !frame.includes('Waiting for another import'));
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
		await driver.waitFor((frame) => !frame.includes(`Check all ${listed} listed users`) && noneSelected.test(frame));
		expect(driver.frame()).not.toMatch(/[1-9][\d,]* selected/);
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
