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

async function listedUsers(session: Session): Promise<SalesforceUser[]> {
	const users: SalesforceUser[] = [];
	await session.services.fetchUsers((batch) => {
		users.push(...batch);
	}, new AbortController().signal);
	return users.filter((user) => isListedByDefault(user));
}

type Start = {columns: number; rows: number; users?: number; prepare?: (session: Session) => Promise<void>};

async function startApp({columns, rows, users = 120, prepare}: Start) {
	const temp = makeTempHome();
	const session = await openSession({kind: 'demo', users, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
	await prepare?.(session);
	const rendered = render(<App services={session.services} size={{columns, rows}} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	const driver = inkDriver(rendered);
	return {driver, session, rendered};
}

/** The app's frame, opened on one tab of Salesforce › Manage. */
async function openTab(tab: 'Users' | 'History', start: Start) {
	const app = await startApp(start);
	await openSalesforceDashboard(app.driver);
	await app.driver.press(...(tab === 'Users' ? [keys.tab] : [keys.tab, keys.tab]));
	return app;
}

/** The text inside the dialog's round border, its rows joined as one paragraph. */
function dialogText(frame: string): string {
	const rows = frame.split('\n');
	const top = rows.findIndex((row) => row.includes('╭'));
	const bottom = rows.findIndex((row, index) => index > top && row.includes('╰'));
	const left = rows[top]!.indexOf('╭');
	const right = rows[top]!.indexOf('╮');
	return rows
		.slice(top + 1, bottom)
		.map((row) => row.slice(left + 1, right).trim())
		.join(' ')
		.replaceAll(/ +/g, ' ');
}

const rowsOf = (frame: string) => frame.split('\n');

describe('dialogs at narrow widths', () => {
	it('wraps the undo confirmation to the width it has: no sentence is cut', async () => {
		const {driver} = await openTab('History', {
			columns: 80,
			rows: 24,
			async prepare(session) {
				await session.services.importUsers((await listedUsers(session)).slice(0, 3), () => undefined);
			},
		});
		await driver.waitFor('u undoes run #1');
		await driver.press('u');
		const frame = await driver.waitFor('Undo the last run');
		expect(dialogText(frame)).toContain(
			'The people it created are removed unless something refers to them now, and the links it made are undone. The undo is recorded too.',
		);
		expect(rowsOf(frame).every((row) => row.length <= 80)).toBe(true);
	});

	// PgDn pressed as soon as the result is drawn: the frame's scroll keys must already be in place.
	it('scrolls a result longer than the screen with ↑/↓, PgUp/PgDn and Home/End', async () => {
		const {driver} = await openTab('Users', {columns: 60, rows: 20});
		await driver.waitFor(/page 1 of \d+/);
		await driver.press('A');
		await driver.waitFor('Check all users');
		await driver.press('y');
		// Every listed user checked and the question gone ("0 selected" was on screen before).
		await driver.waitFor((frame) => /\b[1-9][\d,]* selected/.test(frame) && !frame.includes('Check all users'));
		await driver.press('i');
		await driver.waitFor('What Import users will do');
		await driver.press(keys.enter);
		// Read the window once the footer shows the result's keys: the rows it takes are the dialog's to give up.
		// The plan had a window of lines too: wait for the result's own.
		const done = await driver.waitFor((frame) => frame.includes('Done. Run #1') && /lines 1–\d+ of \d+/.test(frame) && frame.includes('? help'));
		const [, total] = /lines 1–\d+ of (\d+)/.exec(done)!;
		const startOf = (frame: string) => Number(/lines (\d+)–\d+ of/.exec(frame)?.[1] ?? 0);

		await driver.press(keys.pageDown);
		const paged = await driver.waitFor((frame) => startOf(frame) > 2);
		expect(paged).not.toMatch(/Done\. Run #1/);
		const start = startOf(paged);
		await driver.press(keys.down);
		await driver.waitFor((frame) => startOf(frame) === start + 1);
		await driver.press('G');
		await driver.waitFor(new RegExp(`lines \\d+–${total} of ${total}`));
		await driver.press('g');
		await driver.waitFor(/Done\. Run #1/);
		await driver.waitFor(new RegExp(`lines 1–\\d+ of ${total}`));
		expect(rowsOf(driver.frame()).every((row) => row.length <= 60)).toBe(true);
	});
});

describe('columns and numbers', () => {
	it('shortens History names and emails with … and groups thousands', async () => {
		const {driver} = await openTab('History', {
			columns: 80,
			rows: 24,
			users: 1400,
			async prepare(session) {
				const users = await listedUsers(session);
				const [first, ...rest] = users;
				const long = {...first!, firstName: 'Bernadette', lastName: 'Okonkwo-Vanderbilt-Smithson', email: 'bernadette.okonkwo-vanderbilt@example.com'};
				await session.services.importUsers([long, ...rest], () => undefined);
			},
		});
		const list = await driver.waitFor('u undoes run #1');
		expect(list).toMatch(/#1 .*manual +1,\d{3} (new|created) · /);
		await driver.press(keys.enter);
		const run = await driver.waitFor('Run #1');
		expect(run).toMatch(/Bernadette O\S*…/);
		expect(run).toMatch(/bernadette\.okon\S*…/);
		expect(run).toMatch(/1,\d{3} created/);
	});
});

describe('History at 60 columns', () => {
	it('keeps a run row whole by leaving out the counts that are zero', async () => {
		const {driver} = await openTab('History', {
			columns: 60,
			rows: 20,
			async prepare(session) {
				const users = await listedUsers(session);
				await session.services.importUsers(users.slice(0, 10), () => undefined);
			},
		});
		const list = await driver.waitFor('u undoes run #1');
		const row = rowsOf(list).find((line) => line.includes('#1 '))!;
		expect(row).toMatch(/manual +10 new\s*$/);
		expect(row).not.toContain('…');
	});
});

describe('the filter being typed', () => {
	it('stays visible at 60 columns, and a long one shows its end', async () => {
		const {driver} = await openTab('Users', {columns: 60, rows: 20});
		await driver.waitFor(/page 1 of \d+/);
		await driver.press('/');
		await driver.type('bern');
		const frame = await driver.waitFor('filter: bern▏');
		expect(rowsOf(frame).every((row) => row.length <= 60)).toBe(true);
		await driver.type('ard-and-a-query-much-longer-than-a-status-line-at-sixty-columns-fits');
		await driver.waitFor(/filter: …[a-z-]*columns-fits▏/);
		await driver.press(keys.enter);
		await driver.waitFor(/filter: …[a-z-]*columns-fits · /);
	});
});

describe('the app frame', () => {
	it('says how large a terminal it needs below the minimum, and draws again once it is large enough', async () => {
		const app = await startApp({columns: 50, rows: 15});
		const {driver} = app;
		const frame = await driver.waitFor('needs a terminal of at least 60×18.');
		expect(frame).toContain('This one is 50×15');
		expect(frame).not.toContain('Integrations');
		await driver.press('j');
		app.rendered.rerender(<App services={app.session.services} size={{columns: 80, rows: 24}} />);
		await driver.waitFor('❯ Integrations');
	});

	it('folds the sidebar away between the minimum and 100 columns while the content has the keys; M brings it back', async () => {
		const {driver} = await startApp({columns: 80, rows: 24});
		await driver.waitFor('❯ Integrations');
		await driver.press(keys.enter);
		const content = await driver.waitFor(/SalesScreen  M menu · /);
		expect(content).not.toContain('Teams');
		expect(content).toMatch(/^ {2}Integrations/m);
		await driver.press('M');
		// The footer follows once the sidebar's keys are in place.
		const menu = await driver.waitFor((frame) => frame.includes('❯ Integrations') && !frame.includes('M menu'));
		expect(menu).toContain('Teams');
	});

	it('keeps the Overview menu whole on the smallest terminal and says how many detail rows it left out', async () => {
		const {driver} = await startApp({columns: 60, rows: 18});
		await openSalesforceDashboard(driver);
		const frame = await driver.waitFor((shown) => shown.includes('Connect your Salesforce org…') && /… \d+ more rows?: a taller terminal/.test(shown));
		expect(frame).toContain('❯ Test connection');
		expect(frame).toContain('? help');
		expect(rowsOf(frame).length).toBeLessThanOrEqual(18);
	});

	it('shows the highlighted setting whole on the smallest terminal, wrapped, and the others on one line each', async () => {
		const {driver} = await startApp({columns: 60, rows: 20});
		await openSalesforceDashboard(driver);
		await driver.press(keys.shiftTab);
		const first = await driver.waitFor('› Automatically sync users');
		const words = (frame: string) => frame.replaceAll(/\s+/g, ' ');
		expect(words(first)).toContain('Nothing is imported unless an admin runs Import users.');
		await driver.press(keys.down);
		const second = await driver.waitFor('› Users automatic sync takes');
		// The scope's value is longer than the line: it wraps instead of ending in …
		expect(rowsOf(second).find((row) => row.includes('› Users automatic sync takes'))).not.toMatch(/…\s*$/);
		expect(rowsOf(second).length).toBeLessThanOrEqual(20);
	});

	it('keeps the sidebar on a wide terminal', async () => {
		const {driver} = await startApp({columns: 120, rows: 30});
		await driver.waitFor('❯ Integrations');
		await driver.press(keys.enter);
		const content = await driver.waitFor('Enter Manage');
		expect(content).toContain('Teams');
		expect(content).not.toContain('M menu');
	});
});

/** The rows of outcomes on screen: those that start with an outcome word, inside a dialog or not. */
const outcomeRowsOf = (frame: string, word: RegExp) => rowsOf(frame).filter((row) => word.test(row));

/** Presses `key` until the screen matches, at most `times` times: o steps through the views there are. */
async function pressUntil(driver: ReturnType<typeof inkDriver>, key: string, expected: RegExp, times = 12): Promise<string> {
	for (let index = 0; index < times && !expected.test(driver.frame()); index++) {
		// eslint-disable-next-line no-await-in-loop
		await driver.press(key);
	}

	return driver.waitFor(expected);
}

describe('outcomes of a run, narrowed and searched', () => {
	it('shows one outcome of the import result with o, and finds a user with /', async () => {
		const {driver} = await openTab('Users', {columns: 80, rows: 24, users: 300});
		await driver.waitFor(/page 1 of \d+/);
		// Every user, so that some are skipped for each of several reasons.
		await driver.press('h');
		await driver.waitFor('hide inactive');
		// The rest of the org is fetched when h asks for it: check every user once all of them are listed.
		await driver.waitFor(/ 300 listed · /);
		await driver.press('A');
		await driver.waitFor('Check all users');
		await driver.press('y');
		await driver.press('i');
		await driver.waitFor('What Import users will do');
		await driver.press(keys.enter);
		const all = await driver.waitFor(/showing all · 300 of 300/);
		const skipped = Number(/(\d+) skipped:/.exec(all)![1]);

		await driver.press('o');
		await driver.waitFor(/showing created · \d+ of 300/);
		const onlySkipped = await pressUntil(driver, 'o', new RegExp(`showing skipped · ${skipped} of 300`));
		await driver.press('G');
		const end = await driver.waitFor(/lines \d+–(\d+) of \1/);
		const rows = outcomeRowsOf(end, /│ (created|skipped|mapped|unchanged) /);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => row.includes('│ skipped '))).toBe(true);
		expect(onlySkipped).not.toMatch(/│ created /);

		await driver.press('o');
		const reason = await driver.waitFor(/showing skipped: [a-zA-Z ]+ · \d+ of 300/);
		expect(Number(/showing skipped: [a-zA-Z ]+ · (\d+) of/.exec(reason)![1])).toBeLessThan(skipped);

		await driver.press('/');
		await driver.type('zzznobody');
		await driver.waitFor(/showing skipped: [a-zA-Z ]+ · 0 of 300/);
		await driver.press(keys.enter);
		await driver.press(keys.escape);
		await driver.waitFor(/showing skipped: [a-zA-Z ]+ · [1-9]\d* of 300/);
	});

	it('pages History outcomes and narrows them to one outcome or a search', async () => {
		let surname = '';
		const {driver} = await openTab('History', {
			columns: 80,
			rows: 24,
			users: 300,
			async prepare(session) {
				const users: SalesforceUser[] = [];
				await session.services.fetchUsers(
					(batch) => {
						users.push(...batch);
					},
					new AbortController().signal,
					undefined,
					'all',
				);
				surname = users.find((user) => isListedByDefault(user))!.lastName;
				await session.services.importUsers(users, () => undefined);
			},
		});
		await driver.waitFor('u undoes run #1');
		await driver.press(keys.enter);
		await driver.waitFor(/Run #1 · page 1 of \d+/);
		await driver.waitFor(/showing all · 300 of 300/);
		await driver.press(keys.pageDown);
		await driver.waitFor(/Run #1 · page 2 of \d+/);
		await driver.press('G');
		const last = await driver.waitFor(/Run #1 · page (\d+) of \1 /);
		expect(last).toMatch(/›/);

		const skipped = await pressUntil(driver, 'o', /showing skipped · \d+ of 300/);
		await driver.waitFor(/Run #1 · page 1 of/);
		const rows = outcomeRowsOf(skipped, /^ [› ] \S.* (created|skipped|mapped|already-imp\S*)( |$)/m);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => / skipped /.test(row))).toBe(true);

		await driver.press('o');
		await driver.waitFor(/showing skipped: /);
		// Round to all again, then search by the surname.
		await pressUntil(driver, 'o', /showing all ·/);
		await driver.press('/');
		await driver.type(surname.toLowerCase());
		await driver.press(keys.enter);
		const found = await driver.waitFor(new RegExp(`filter: ${surname.toLowerCase()} · showing all · [1-9]\\d* of 300`));
		const shown = outcomeRowsOf(found, /^ [› ] \S.* (created|skipped|mapped|already-imp\S*)( |$)/m);
		expect(shown.length, found).toBeGreaterThan(0);
		expect(shown.every((row) => row.toLowerCase().includes(surname.toLowerCase()))).toBe(true);
		await driver.press(keys.escape);
		await driver.waitFor('showing all · 300 of 300');
	});
});
