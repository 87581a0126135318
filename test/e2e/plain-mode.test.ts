import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../support/keys.js';
import {startPtyApp} from '../support/pty-app.js';
import {makeTempHome} from '../support/temp-home.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		cleanup();
	}
});

describe('salesscreen --plain', () => {
	it('writes a line for each change of state, with no alternate screen, no escapes and no box drawing', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp(['--plain', '--demo-users', '60'], {env: temp.env, columns: 80, rows: 24});
		cleanups.push(app.kill);
		const written = () => app.output();

		const waitForOutput = async (expected: RegExp, from = 0) => app.waitFor(() => expected.test(written().slice(from)));
		await waitForOutput(/Enter open/);
		await app.press(keys.enter);
		await waitForOutput(/Enter Manage/);
		await app.press(keys.enter);
		await waitForOutput(/Tab next tab/);
		await app.press(keys.tab);
		await waitForOutput(/page 1 of \d+/);
		await waitForOutput(/\n›\[ \] \S/);
		// The whole list is in: no "loaded N of M" line to come.
		await waitForOutput(/· \d+ users/);

		// Space checks the highlighted user: that row and the count are written again, nothing else of the screen.
		const before = written().length;
		await app.press(keys.space);
		await waitForOutput(/1 selected/, before);
		await waitForOutput(/›\[x\] \S/, before);
		const lines = written().slice(before).split(/\r?\n/).filter((line) => line.trim() !== '');
		// Not the table again: of its rows, only the one that changed (the header or the keys may change meanwhile).
		expect(lines.filter((line) => /\[[ x]\]/.test(line)), lines.join('\n')).toEqual([expect.stringMatching(/^›\[x\] \S/)]);
		expect(lines.filter((line) => /selected/.test(line))).toEqual([expect.stringMatching(/^1 selected · page 1 of/)]);

		// ↓ moves the cursor: the row it lands on, one line.
		const beforeMove = written().length;
		await app.press(keys.down);
		await waitForOutput(/›\[ \] \S/, beforeMove);
		const moved = written().slice(beforeMove).split(/\r?\n/).filter((line) => /\[[ x]\]/.test(line));
		expect(moved, moved.join('\n')).toEqual([expect.stringMatching(/^›\[ \] \S/)]);

		await app.press('q');
		expect(await app.exited).toBe(0);
		const all = written();
		expect(all).not.toContain('\u001B[?1049h');
		// No colour, no cursor movement: no escape sequence at all; and no box-drawing character.
		expect(all).not.toContain('\u001B[');
		expect(all).not.toMatch(/[\u2500-\u257F]/);
	});
});
