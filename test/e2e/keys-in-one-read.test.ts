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

/** The table's rows on screen: the cursor's row is marked `›`, a checked one `[x]`. */
function tableRows(screen: string): string[] {
	return screen.split('\n').filter((line) => /[› ]\[[ x]\]/.test(line));
}

describe('keys written to the terminal in one write', () => {
	it('act once each, in order: 50 keys move the cursor and check exactly the users they name', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp(['--demo-users', '3000'], {env: temp.env, columns: 120, rows: 40});
		cleanups.push(app.kill);

		await app.waitFor('Enter open');
		await app.press(keys.enter);
		await app.waitFor('Enter Manage');
		await app.press(keys.enter);
		await app.waitFor('Tab next tab');
		await app.press(keys.tab);
		// The total shows only once the whole default listing (active Standard users) has arrived.
		await app.waitFor(/· [\d,]+ users/);
		const first = await app.waitFor('Space check');
		const pageSize = tableRows(first).length;
		expect(pageSize).toBeGreaterThan(25);
		expect(first).toMatch(/\b0 selected/);

		// Space and j, 25 times over, in one write: 25 users checked, the cursor 25 rows down.
		await app.press(' j'.repeat(25));
		const checked = await app.waitFor((screen) => /\b25 selected/.test(screen) && (tableRows(screen)[25]?.includes('›') ?? false));
		const rows = tableRows(checked);
		expect(rows.slice(0, 25).every((row) => row.includes('[x]'))).toBe(true);
		expect(rows[25]).toMatch(/^.*›\[ \]/);
		expect(rows.filter((row) => row.includes('›'))).toHaveLength(1);

		// 50 j in one write: 50 rows further, on the page where row 75 is.
		await app.press('j'.repeat(50));
		const page = Math.floor(75 / pageSize) + 1;
		const row = 75 % pageSize;
		const moved = await app.waitFor((screen) => screen.includes(`page ${page} of`) && (tableRows(screen)[row]?.includes('›') ?? false));
		const movedRows = tableRows(moved);
		expect(movedRows.filter((line) => line.includes('›'))).toHaveLength(1);
		expect(moved).toMatch(/\b25 selected/);

		await app.press('q');
		expect(await app.exited).toBe(0);
	});

	it('open a screen and go on at once: Enter Enter Shift+Tab from the sidebar reaches Settings', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp([], {env: temp.env, columns: 60, rows: 20});
		cleanups.push(app.kill);

		await app.waitFor('Enter open');
		await app.press('n');
		await app.waitFor((screen) => !screen.includes('No SalesScreen admin yet'));
		await app.press(keys.enter + keys.enter + keys.shiftTab);
		await app.waitFor('Automatically sync users');

		await app.press('q');
		expect(await app.exited).toBe(0);
	});

	it('acts on the keys typed while the app starts, in order, once it is up', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp([], {env: temp.env, columns: 80, rows: 24});
		cleanups.push(app.kill);

		// Before the first frame: decline the first-admin question, open Integrations, Manage, then Settings.
		await app.press('n' + keys.enter + keys.enter + keys.shiftTab);
		await app.waitFor('Automatically sync users');

		await app.press('q');
		expect(await app.exited).toBe(0);
	});
});
