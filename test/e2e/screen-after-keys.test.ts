import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../support/keys.js';
import {startPtyApp} from '../support/pty-app.js';
import {makeTempHome} from '../support/temp-home.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) {
		cleanup();
	}
});

/** A deterministic random source, so that a failure can be replayed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

describe('the screen the app leaves in a real terminal', () => {
	it('after a long random key sequence, is exactly what a full repaint of the same state draws (no stale rows)', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp(['--demo-users', '2000'], {env: temp.env, columns: 120, rows: 40});
		cleanups.push(app.kill);
		await app.waitFor('Enter open');
		await app.press(keys.enter);
		await app.waitFor('Enter Manage');
		await app.press(keys.enter);
		await app.waitFor('Tab next tab');
		await app.press(keys.tab);
		await app.waitFor(/· [\d,]+ users/);
		await app.waitFor('Space check');

		// Moves, checks, pages and tabs: everything that changes some rows and leaves others.
		const choices = [keys.down, keys.down, keys.down, keys.up, keys.pageDown, keys.pageUp, keys.space, keys.right, keys.left, keys.tab, keys.shiftTab, 'j', 'k'];
		const next = random(9);
		const sequence = Array.from({length: 300}, () => choices[Math.floor(next() * choices.length)]!);
		for (let index = 0; index < sequence.length; index += 3) {
			// eslint-disable-next-line no-await-in-loop
			await app.press(sequence.slice(index, index + 3).join(''));
		}

		// Wait until the screen stops changing, then compare it with a repaint of the whole frame.
		const settled = async () => {
			let before = '';
			for (let stable = 0; stable < 8; ) {
				// eslint-disable-next-line no-await-in-loop
				await new Promise((resolve) => {
					setTimeout(resolve, 250);
				});
				// eslint-disable-next-line no-await-in-loop
				await app.drawn();
				const now = app.screen();
				stable = now === before ? stable + 1 : 0;
				before = now;
			}

			return before;
		};

		const diffed = await settled();
		// One column wider and back: the app clears the screen and writes every row again, at the same
		// height, so the page size (and the page shown) stays.
		app.resize(121, 40);
		await settled();
		app.resize(120, 40);
		const repainted = await settled();
		expect(repainted).toBe(diffed);
	});
});
