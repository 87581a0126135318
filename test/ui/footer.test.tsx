import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession} from '../../source/session.js';
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

describe('the footer on an 80×24 terminal', () => {
	it('shows the most used keys of a busy screen on up to three rows, none cut off, and the screen above gives the rows up', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'demo', users: 50, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
		const rendered = render(<App services={session.services} size={{columns: 80, rows: 24}} />);
		cleanups.push(temp.remove, async () => session.close(), () => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await driver.waitFor('Enter open');
		await driver.press(keys.down);
		await driver.waitFor('❯ People');
		await driver.press(keys.enter);
		const frame = await driver.waitFor('n new');
		const lines = frame.split('\n');
		expect(lines).toHaveLength(23);
		const footer = lines.slice(-3).join('\n');
		for (const label of ['quit', 'new', 'edit', 'check page', 'filter', '? help']) {
			expect(footer).toContain(label);
		}

		// Rarer keys are in the help (`?`), and the footer says first which pane has the keys.
		expect(footer).not.toContain('all pages');
		expect(footer).toMatch(/^ People {2}/m);

		// A hint is never split between rows: the one for "team…" stays whole.
		expect(footer).toMatch(/\bt team…/);
	});

});

/** The app on the Users tab of Salesforce › Manage, at this size. */
async function startOnUsersTab(size = {columns: 100, rows: 30}) {
	const temp = makeTempHome();
	const session = await openSession({kind: 'demo', users: 50, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
	const rendered = render(<App services={session.services} size={size} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	const driver = inkDriver(rendered);
	await driver.waitFor('Enter open');
	await driver.press(keys.enter);
	await driver.waitFor('Enter Manage');
	await driver.press(keys.enter);
	await driver.waitFor('r test connection');
	await driver.press(keys.tab);
	await driver.waitFor('Space check');
	return driver;
}

describe('the footer on the smallest terminal (60×20)', () => {
	it('keeps ? help and whole hints on the Users tab, and the status line keeps the total', async () => {
		const driver = await startOnUsersTab({columns: 60, rows: 20});
		const frame = await driver.waitFor(/ \d+ users$/m);
		const lines = frame.split('\n');
		const footer = lines.slice(-3);
		expect(footer.join('\n')).toContain('? help');
		for (const line of footer) {
			expect(line.trimEnd()).not.toMatch(/…$/);
		}

		// The status line: how many are selected, which page, and how many users there are, none cut.
		expect(frame).toMatch(/^ ?0 selected · page 1 of \d+ · [\d,]+ listed.* · [\d,]+ users$/m);
	});
});

describe('the help (?)', () => {
	it('lists every key of the screen in front and the global ones, grouped, and closes back to the same screen', async () => {
		const driver = await startOnUsersTab();
		await driver.press(keys.space, keys.down);
		const before = await driver.waitFor('1 selected');
		expect(before).toMatch(/^ Users {2}/m);
		expect(before).not.toContain('A all pages');

		await driver.press('?');
		const help = await driver.waitFor('Keys here');
		const section = (title: string) => {
			const lines = help.split('\n').map((line) => line.replace(/\s*│\s*$/, '').replace(/^.*│ ?/, ''));
			const start = lines.findIndex((line) => line.trim() === title);
			expect(start, `no ${title} group in:\n${help}`).toBeGreaterThan(-1);
			const end = lines.findIndex((line, index) => index > start && line.trim() === '');
			return lines.slice(start + 1, end).join('\n');
		};

		const users = section('Users');
		for (const entry of ['Space check', 'A all pages', 'h show all', 'Home g first', 'End G last', 'i Import users', '/ filter']) {
			expect(users).toContain(entry);
		}

		expect(section('Salesforce')).toContain('Tab next tab');
		expect(section('Everywhere')).toContain('q quit');
		expect(section('Always')).toContain('Ctrl+C quit');
		expect(help).toMatch(/^ Help {2}Esc close help/m);

		// While the help is open keys do nothing else; Esc closes it onto the screen as it was.
		await driver.press(keys.space, 'q');
		const after = await driver.waitFor((frame) => !frame.includes('Keys here'));
		expect(after).toBe(before);
	});

	it('scrolls with ↑/↓, PgUp/PgDn and Home/End when it is longer than the screen, and says which lines it shows', async () => {
		const driver = await startOnUsersTab({columns: 60, rows: 18});
		await driver.press('?');
		const top = await driver.waitFor((frame) => /lines 1–\d+ of \d+/.test(frame) && / Help {2}↑↓ scroll .*Esc close help/.test(frame));
		expect(top).toContain('Keys here');
		expect(top).not.toContain('Ctrl+C quit');
		const [, shown, total] = /lines 1–(\d+) of (\d+)/.exec(top)!;
		const startOf = (frame: string) => Number(/lines (\d+)–\d+ of/.exec(frame)?.[1] ?? 0);

		await driver.press(keys.down);
		await driver.waitFor((frame) => startOf(frame) === 2);
		await driver.press(keys.pageDown);
		await driver.waitFor((frame) => startOf(frame) === Math.min(2 + Number(shown), Number(total) - Number(shown) + 1));
		await driver.press('G');
		const end = await driver.waitFor(new RegExp(`lines \\d+–${total} of ${total}`));
		expect(end).toContain('Ctrl+C quit');
		await driver.press(keys.pageUp, 'g');
		await driver.waitFor((frame) => startOf(frame) === 1);
		expect(driver.frame().split('\n').every((row) => row.length <= 60)).toBe(true);

		// The keys scroll the help, not the list behind it.
		await driver.press(keys.escape);
		const after = await driver.waitFor((frame) => !frame.includes('Keys here'));
		expect(after).toMatch(/^ ›\[ \] \S/m);
		expect(after).toContain('page 1 of');
	});

	it('is a question mark like any other letter while typing a filter', async () => {
		const driver = await startOnUsersTab();
		await driver.press('/', '?');
		const frame = await driver.waitFor('filter: ?');
		expect(frame).not.toContain('Keys here');
		expect(frame).toMatch(/^ Filter {2}/m);
	});
});
