import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {openSession} from '../../source/session.js';
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

	vi.restoreAllMocks();
});

/** mulberry32: the same seed gives the same keys on every run. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

// Tab and Shift+Tab most of all: the sequence once seen to loop React ("Maximum update depth exceeded").
const pool = [keys.tab, keys.tab, keys.tab, keys.shiftTab, keys.shiftTab, keys.shiftTab, keys.enter, keys.escape, keys.up, keys.down, keys.left, keys.right];

/** Keys in groups: some written one by one, some as one read of up to eight keys. */
function keyGroups(seed: number, count: number): string[][] {
	const random = seeded(seed);
	const groups: string[][] = [];
	let left = count;
	while (left > 0) {
		const size = random() < 0.5 ? 1 : Math.min(left, 2 + Math.floor(random() * 7));
		groups.push(Array.from({length: size}, () => pool[Math.floor(random() * pool.length)]!));
		left -= size;
	}

	return groups;
}

describe('random Tab, Shift+Tab, Enter, Esc and arrows on the Salesforce dashboard', () => {
	for (const seed of [9, 41, 2026]) {
		it(`keeps drawing and never loops React (seed ${seed})`, async () => {
			const reported: string[] = [];
			vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
				reported.push(args.map(String).join(" "));
			});
			const temp = makeTempHome();
			const session = await openSession({kind: 'demo', users: 120, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
			const rendered = render(<App services={session.services} size={{columns: 80, rows: 24}} />);
			cleanups.push(temp.remove, async () => session.close(), () => {
				rendered.unmount();
			});
			const driver = inkDriver(rendered);
			await openSalesforceDashboard(driver);

			for (const group of keyGroups(seed, 160)) {
				if (group.length === 1) {
					// eslint-disable-next-line no-await-in-loop
					await driver.press(group[0]!);
				} else {
					rendered.stdin.write(group.join(''));
					// eslint-disable-next-line no-await-in-loop
					await driver.press();
					// eslint-disable-next-line no-await-in-loop
					await new Promise((resolve) => {
						setTimeout(resolve, 20);
					});
				}

				expect(reported.filter((line) => /Maximum update depth|Too many re-renders/.test(line))).toEqual([]);
			}

			// Still the app, still answering keys: Esc and Enter lead back to the dashboard's Overview.
			await driver.waitFor('SalesScreen');
			expect(reported).toEqual([]);
		});
	}
});
