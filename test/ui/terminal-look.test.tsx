import chalk from 'chalk';
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession} from '../../source/session.js';
import {App} from '../../source/ui/app.js';
import {frameChanges} from '../../source/ui/look/plain-lines.js';
import {terminalLook, type TerminalLook} from '../../source/ui/look/terminal-look.js';
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

afterEach(() => {
	chalk.level = 0;
});

describe('terminalLook', () => {
	it('follows NO_COLOR, FORCE_COLOR, TERM=dumb and the plain switch', () => {
		expect(terminalLook({})).toEqual({color: true, plain: false});
		expect(terminalLook({NO_COLOR: '1'})).toEqual({color: false, plain: false});
		expect(terminalLook({NO_COLOR: ''})).toEqual({color: true, plain: false});
		expect(terminalLook({NO_COLOR: '1', FORCE_COLOR: '1'})).toEqual({color: true, plain: false});
		expect(terminalLook({FORCE_COLOR: '0'})).toEqual({color: false, plain: false});
		expect(terminalLook({TERM: 'dumb'})).toEqual({color: false, plain: true});
		expect(terminalLook({SALESSCREEN_PLAIN: '1'})).toEqual({color: false, plain: true});
		expect(terminalLook({SALESSCREEN_PLAIN: '0'})).toEqual({color: true, plain: false});
		expect(terminalLook({}, {plain: true})).toEqual({color: false, plain: true});
	});
});

// Foreground and background colours (30–37, 90–97, 40–47, 100–107), never bold (1) or inverse (7).
// eslint-disable-next-line no-control-regex
const colourCode = /\u001B\[(?:3[0-7]|9[0-7]|4[0-7]|10[0-7])m/;

async function usersTab(look: TerminalLook) {
	chalk.level = 0;
	const temp = makeTempHome();
	const session = await openSession({kind: 'demo', users: 60, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
	const rendered = render(<App services={session.services} look={look} size={{columns: 120, rows: 30}} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	const driver = inkDriver(rendered);
	await openSalesforceDashboard(driver);
	await driver.press(keys.tab);
	await driver.waitFor(/page 1 of/);
	await driver.press(keys.space);
	await driver.waitFor('1 selected');
	// The test's stdout is no terminal, so chalk draws no styles at all: draw them now, to see which the app asks for.
	chalk.level = 1;
	await driver.press(keys.down);
	// eslint-disable-next-line no-control-regex
	return driver.waitFor((frame) => /\u001B\[/.test(frame) && /\[x\]/.test(frame));
}

describe('without colour', () => {
	it('draws no colour, and still marks the active tab, the cursor and the selection', async () => {
		const coloured = await usersTab({color: true, plain: false});
		expect(coloured).toMatch(colourCode);

		const plain = await usersTab({color: false, plain: false});
		expect(plain).not.toMatch(colourCode);
		// The active tab in inverse and bold, the cursor's row marked and bold, the checked row [x].
		// eslint-disable-next-line no-control-regex
		expect(plain).toMatch(/\u001B\[7m.*Users/);
		expect(plain).toMatch(/\[x\]/);
		expect(plain).toMatch(/›/);
		// eslint-disable-next-line no-control-regex
		expect(plain).toMatch(/\u001B\[1m/);
	});
});

describe('the plain layout', () => {
	it('writes what changed as lines, a pane at a time, without box drawing', () => {
		const first = frameChanges(' Manage │ Users\n❯ People │ ›[ ] Ann\n         │  [ ] Bob\n╭──╮\n', undefined);
		expect(first.lines).toEqual(['Manage', '❯ People', 'Users', '›[ ] Ann', '[ ] Bob']);
		// The cursor moves down: only the row that gained it is news.
		const moved = frameChanges(' Manage │ Users\n❯ People │  [ ] Ann\n         │ ›[ ] Bob\n', first.next);
		expect(moved.lines).toEqual(['›[ ] Bob']);
		const checked = frameChanges(' Manage │ 1 selected\n❯ People │  [ ] Ann\n         │ ›[x] Bob\n', moved.next);
		expect(checked.lines).toEqual(['1 selected', '›[x] Bob']);
	});
});
