import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession} from '../../source/session.js';
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

describe('the footer on an 80×24 terminal', () => {
	it('shows every key of a busy screen on up to three rows, none cut off, and the screen above gives the rows up', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'demo', users: 50, seed: 7}, temp.env);
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
		for (const label of ['quit', 'new', 'edit', 'unlink', 'check page', 'all pages', 'filter']) {
			expect(footer).toContain(label);
		}

		// A hint is never split between rows: the one for "team…" stays whole.
		expect(footer).toMatch(/\bt team…/);
	});
});
