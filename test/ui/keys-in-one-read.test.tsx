import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {isListedByDefault, type SalesforceUser} from '../../source/core/salesforce-user.js';
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

type Driver = ReturnType<typeof inkDriver>;

async function startApp() {
	const temp = makeTempHome();
	const session = await openSession({kind: 'demo', users: 300, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
	const rendered = render(<App services={session.services} size={{columns: 120, rows: 30}} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	return {driver: inkDriver(rendered), session, write: (chunk: string) => rendered.stdin.write(chunk), frames: () => rendered.frames.length};
}

async function listedUsers(session: Session): Promise<SalesforceUser[]> {
	const users: SalesforceUser[] = [];
	await session.services.fetchUsers((batch) => {
		users.push(...batch);
	}, new AbortController().signal);
	return users.filter((user) => isListedByDefault(user));
}

/** The Users tab, once its whole list is there. */
async function openUsersTab(driver: Driver) {
	await openSalesforceDashboard(driver);
	await driver.press(keys.tab);
	await driver.waitFor(/\d+ users/);
	return driver.waitFor('Space check');
}

/** Clock times differ between two runs a minute apart; nothing else on screen may. */
const withoutTimes = (frame: string) => frame.replaceAll(/\d\d:\d\d/g, 'hh:mm');

/** The screen once it stopped changing. */
async function settledFrame(driver: Driver): Promise<string> {
	let previous = driver.frame();
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 100);
		});
		const current = driver.frame();
		if (current === previous) {
			return current;
		}

		previous = current;
	}
}

/**
 * Two apps on the same org reach the same screen; one gets `sequence` a key per read, the other all of it
 * in one read. The second must end on exactly the frame the first ended on, and stay there.
 */
async function sameOutcome(sequence: string[], prepare: (driver: Driver) => Promise<unknown>, settled: RegExp) {
	const oneByOne = await startApp();
	await prepare(oneByOne.driver);
	await oneByOne.driver.press(...sequence);
	await oneByOne.driver.waitFor(settled);
	const expected = withoutTimes(await settledFrame(oneByOne.driver));

	const burst = await startApp();
	await prepare(burst.driver);
	burst.write(sequence.join(''));
	await burst.driver.waitFor((frame) => withoutTimes(frame) === expected);
	// Nothing is left over to act later.
	expect(withoutTimes(await settledFrame(burst.driver))).toBe(expected);
	return expected;
}

const cursorRow = (frame: string) => frame.split('\n').findIndex((line) => line.includes('›['));
const checkedRows = (frame: string) => frame.split('\n').filter((line) => line.includes('[x]')).length;

describe('keys that arrive in one read', () => {
	it('move the cursor once per arrow: Down Down Down moves three rows', async () => {
		const frame = await sameOutcome([keys.down, keys.down, keys.down, keys.space], openUsersTab, /1 selected/);
		const start = await (async () => {
			const app = await startApp();
			return cursorRow(await openUsersTab(app.driver));
		})();
		expect(cursorRow(frame)).toBe(start + 3);
	});

	it('take a burst of 50 j as 50 moves, across pages, drawn as one move rather than 50', async () => {
		const burst = Array.from({length: 50}, () => 'j');
		const frame = await sameOutcome([...burst, keys.space], openUsersTab, /1 selected/);
		const page = /page \d+ of/.exec(frame)![0];
		expect(page).not.toBe('page 1 of');
		const app = await startApp();
		await openUsersTab(app.driver);
		const before = app.frames();
		app.write(burst.join(''));
		await app.driver.waitFor(page);
		await settledFrame(app.driver);
		// One key at a time would draw a frame for each; the table's moves are folded into one.
		expect(app.frames() - before).toBeLessThan(5);
	});

	it('check one user per Space: Space Down Space Down Space checks three', async () => {
		const frame = await sameOutcome(
			[keys.space, keys.down, keys.space, keys.down, keys.space],
			openUsersTab,
			/3 selected/,
		);
		expect(checkedRows(frame)).toBe(3);
	});

	it('take several letters outside a text field as several keys: jjj moves three rows, a j and a Space check two', async () => {
		const frame = await sameOutcome(['j', 'j', 'j', ' ', 'j', ' ', 'k', 'k'], openUsersTab, /2 selected/);
		expect(checkedRows(frame)).toBe(2);
	});

	it('page and check across pages in order', async () => {
		const frame = await sameOutcome(
			[keys.space, keys.right, 'j', keys.space, keys.pageDown, 'a', keys.left, 'G', keys.space],
			openUsersTab,
			// At least the page checked with a: the first pages' two and more.
			/\b(?:[4-9]|\d{2,}) selected/,
		);
		expect(frame).toMatch(/\b\d+ selected/);
		expect(frame).not.toMatch(/\b[0-3] selected/);
	});

	it('go across tabs with Tab Tab Tab, then back with Shift+Tab', async () => {
		const frame = await sameOutcome([keys.tab, keys.tab, keys.tab, keys.shiftTab, keys.tab], openSalesforceDashboard, /Automatically sync users/);
		expect(frame).toMatch(/Automatically sync users/);
	});

	it('take Esc typed just before a key as Esc and then that key, not as Alt+key', async () => {
		const frame = await sameOutcome(['/', 'b', 'e', keys.escape, 'j', keys.space], openUsersTab, /1 selected/);
		expect(frame).not.toContain('filter:');
		expect(checkedRows(frame)).toBe(1);
	});

	it('open a dialog and answer it: A then y checks every listed user', async () => {
		const frame = await sameOutcome(['A', 'y', 'j', keys.space], openUsersTab, /\b\d{3} selected/);
		expect(frame).not.toMatch(/\b[0-9]{1,2} selected/);
		const cancelled = await sameOutcome(['A', 'n', 'j', keys.space], openUsersTab, /1 selected/);
		expect(checkedRows(cancelled)).toBe(1);
	});

	it('type a filter as text, then act on the keys after it', async () => {
		let query = '';
		const prepare = async (driver: Driver) => {
			const frame = await openUsersTab(driver);
			return frame;
		};

		const probe = await startApp();
		const users = await listedUsers(probe.session);
		// A last name a few users share, so the filtered list has rows to move over.
		const byName = new Map<string, number>();
		for (const user of users) {
			byName.set(user.lastName, (byName.get(user.lastName) ?? 0) + 1);
		}

		query = [...byName.entries()].sort((a, b) => b[1] - a[1])[0]![0];
		const sequence = ['/', ...query, keys.enter, ' ', 'j', ' '];
		const frame = await sameOutcome(sequence, prepare, /2 selected/);
		expect(frame).toContain(`filter: ${query}`);
		expect(checkedRows(frame)).toBe(2);
	});

	it('close the import result and go on with the next key: Enter then Tab reaches History', async () => {
		const prepare = async (driver: Driver) => {
			await openUsersTab(driver);
			await driver.press(keys.space, 'i');
			await driver.waitFor('What Import users will do');
			await driver.press(keys.enter);
			return driver.waitFor(/Done\. Run #1 is recorded/);
		};

		const frame = await sameOutcome([keys.enter, keys.tab], prepare, /u undoes run #1/);
		expect(frame).toMatch(/#1 .*manual/);
	});

	it('move through the sidebar menu and open a section: j j Enter opens Teams', async () => {
		const frame = await sameOutcome(['j', 'j', keys.enter], async (driver) => driver.waitFor('Enter open'), /new team/);
		expect(frame).toMatch(/new team/);
	});

	it('choose in the Overview menu and the connect dialog menus, in order', async () => {
		const frame = await sameOutcome([keys.down, keys.enter, keys.enter, 'j', 'j'], openSalesforceDashboard, /❯ My Domain/);
		expect(frame).toContain('Where does the org sign in?');
	});
});
