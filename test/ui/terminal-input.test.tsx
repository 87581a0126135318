import {EventEmitter} from 'node:events';
import {render} from 'ink';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession} from '../../source/session.js';
import {App} from '../../source/ui/app.js';
import {EscapeJoiner, TerminalInput} from '../../source/ui/keys/terminal-input.js';
import {inkDriver, openSalesforceDashboard} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {sharedDemoOrgs} from '../support/shared-demo-org.js';
import {makeTempHome} from '../support/temp-home.js';

const startSharedDemoOrg = sharedDemoOrgs();

const esc = '\u001B';
const kittyEsc = '\u001B[27u';

describe('escape sequences made whole before ink reads them', () => {
	it('holds a sequence cut off at the end of a read until the rest arrives', () => {
		const joiner = new EscapeJoiner();
		expect(joiner.push(`j${esc}`)).toBe('j');
		expect(joiner.holding).toBe(true);
		expect(joiner.push('[Z')).toBe(keys.shiftTab);
		expect(joiner.push(`${esc}[`)).toBe('');
		expect(joiner.push('6')).toBe('');
		expect(joiner.push('~k')).toBe(`${keys.pageDown}k`);
		expect(joiner.push(`${esc}O`)).toBe('');
		expect(joiner.push('H')).toBe(`${esc}OH`);
		expect(joiner.holding).toBe(false);
	});

	it('gives a held ESC back as Esc when nothing more came', () => {
		const joiner = new EscapeJoiner();
		expect(joiner.push(`${keys.tab}${esc}`)).toBe(keys.tab);
		expect(joiner.flush()).toBe(esc);
		expect(joiner.holding).toBe(false);
	});

	it('passes an Esc typed ahead of another key on as Esc, so ink does not read the two as one Alt key', () => {
		const joiner = new EscapeJoiner();
		expect(joiner.push(`${esc}${keys.shiftTab}`)).toBe(`${kittyEsc}${keys.shiftTab}`);
		expect(joiner.push(`${esc}${esc}`)).toBe(kittyEsc);
		expect(joiner.flush()).toBe(esc);
		expect(joiner.push(`${keys.shiftTab}${esc}${keys.down}${esc}${esc}${esc}[A`)).toBe(`${keys.shiftTab}${kittyEsc}${keys.down}${kittyEsc}${kittyEsc}${keys.up}`);
	});

	it('leaves Alt+letter, arrows and plain text as they are', () => {
		const joiner = new EscapeJoiner();
		const burst = `${esc}j${keys.up}${esc}b${keys.shiftTab}ab c${keys.pageUp}${esc}[[A${esc}é`;
		expect(joiner.push(burst)).toBe(burst);
		expect(joiner.holding).toBe(false);
	});
});

/** A terminal's standard input: each write is one read. */
class FakeTerminal extends EventEmitter {
	isTTY = true;
	private chunks: string[] = [];
	write = (chunk: string) => {
		this.chunks.push(chunk);
		this.emit('readable');
	};

	read = () => this.chunks.shift() ?? null;
	setEncoding() {
		return this;
	}

	setRawMode() {
		return this;
	}

	ref() {
		return this;
	}

	unref() {
		return this;
	}
}

class FakeScreen extends EventEmitter {
	columns = 100;
	rows = 30;
	last = '';
	write = (frame: string) => {
		this.last = frame;
		return true;
	};
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		// eslint-disable-next-line no-await-in-loop
		await cleanup();
	}
});

/** The app as the terminal runs it: ink reads its keys through TerminalInput. */
async function startApp() {
	const temp = makeTempHome();
	const session = await openSession({kind: 'demo', users: 60, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
	const terminal = new FakeTerminal();
	const screen = new FakeScreen();
	// A long wait: these tests are about what is joined, not about how long a lone ESC waits.
	const input = new TerminalInput(terminal as unknown as NodeJS.ReadStream, 60_000);
	const instance = render(<App services={session.services} size={{columns: 100, rows: 30}} />, {
		stdin: input as unknown as NodeJS.ReadStream,
		stdout: screen as unknown as NodeJS.WriteStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	cleanups.push(temp.remove, async () => session.close(), () => {
		instance.unmount();
	});
	const driver = inkDriver({lastFrame: () => screen.last, stdin: {write: terminal.write}} as unknown as Parameters<typeof inkDriver>[0]);
	await openSalesforceDashboard(driver);
	return {driver, terminal};
}

describe('keys of a burst, read through the terminal input', () => {
	it('reads Shift+Tab split between two reads as Shift+Tab, not as Esc that leaves the dashboard', async () => {
		const {driver, terminal} = await startApp();
		terminal.write(esc);
		// The event loop turns between the two reads: ink alone would take the ESC for the Esc key then.
		await new Promise((resolve) => {
			setImmediate(resolve);
		});
		await new Promise((resolve) => {
			setTimeout(resolve, 5);
		});
		terminal.write('[Z');
		const settings = await driver.waitFor('Settings  ↑↓ move');
		expect(settings).toContain('Automatically sync users');
	});

	it('acts on every key of a burst mixing Esc, Shift+Tab, arrows and Esc typed before a letter, in order', async () => {
		const {driver, terminal} = await startApp();
		// Users tab; type a filter; Esc clears it, Shift+Tab goes back to Overview, Tab Tab go on to History,
		// ↓ stays there; all in one read.
		terminal.write(keys.tab);
		await driver.waitFor('Space check');
		terminal.write(`/zz${esc}${keys.shiftTab}${keys.tab}${keys.tab}${keys.down}`);
		const history = await driver.waitFor('History  ↑↓ move');
		expect(history).not.toContain('filter:');
		// Esc then k, which a terminal cannot tell from Alt+k: Esc has nothing to close on History and goes
		// back to Integrations, and k moves there; neither key is lost.
		terminal.write(`${esc}k`);
		const back = await driver.waitFor('Enter Manage');
		expect(back).toContain('Integrations');
	});
});
