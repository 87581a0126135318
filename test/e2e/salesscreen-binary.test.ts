import path from 'node:path';
import Database from 'better-sqlite3';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg} from '../../source/demo-org/demo-org.js';
import {keys} from '../support/keys.js';
import {startPtyApp} from '../support/pty-app.js';
import {makeTempHome} from '../support/temp-home.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		cleanup();
	}
});

describe('the salesscreen binary in a terminal', () => {
	it('imports a user with keystrokes, restores the terminal, and leaves the person in the SQLite file', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp([], {env: temp.env, columns: 100, rows: 30});
		cleanups.push(app.kill);

		await app.waitFor('DEMO ORG');
		// The footer names the keys once the screen listens to them.
		await app.waitFor('Enter open');
		expect(app.bufferType()).toBe('alternate');
		await app.press(keys.enter);
		await app.waitFor('Enter Manage');
		await app.press(keys.enter);
		await app.waitFor('Tab next tab');
		await app.press(keys.tab);
		await app.waitFor(/\d+ users/);
		await app.waitFor('Space check');
		const screen = await app.waitFor('0 selected');
		const firstRow = screen.split('\n').find((line) => line.includes('›[ ]'));
		expect(firstRow).toBeDefined();
		const email = /\S+@\S+/.exec(firstRow!)?.[0];

		await app.press(keys.space);
		await app.waitFor('1 selected');
		await app.press('i');
		await app.waitFor('What Import users will do');
		await app.press(keys.enter);
		await app.waitFor(/Done\. Run #1 is recorded/);
		await app.press(keys.enter, 'q');
		expect(await app.exited).toBe(0);
		expect(app.bufferType()).toBe('normal');

		const database = new Database(path.join(temp.home, 'salesscreen.db'), {readonly: true});
		try {
			const links = database.prepare('select count(*) as n from salesforce_links').get() as {n: number};
			expect(links.n).toBe(1);
			const run = database.prepare('select mode, status, selected_count from import_runs').get();
			expect(run).toEqual({mode: 'manual', status: 'completed', selected_count: 1});
			if (email && !email.includes('…')) {
				const person = database.prepare('select id from people where email_normalised = ?').get(email.toLowerCase());
				expect(person).toBeDefined();
			}
		} finally {
			database.close();
		}
	});

	it('rejects a wrong flag with a clear message and exit code 2', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const app = startPtyApp(['import', '--everyone'], {env: temp.env});
		cleanups.push(app.kill);
		expect(await app.exited).toBe(2);
		expect(app.output()).toMatch(/salesscreen import: unknown flag --everyone\. Run salesscreen import --help\./);
	});

	it('connects another org by device login from the Overview, and opens on it the next time', async () => {
		const org = await startDemoOrg({users: 25, seed: 61, devicePollIntervalSeconds: 0});
		const temp = makeTempHome();
		cleanups.push(temp.remove, () => {
			void org.close();
		});
		const app = startPtyApp([], {env: temp.env, columns: 110, rows: 32});
		cleanups.push(app.kill);
		await app.waitFor('Enter open');
		await app.press(keys.enter);
		await app.waitFor('Enter Manage');
		await app.press(keys.enter);
		await app.waitFor('Test connection');
		await app.press(keys.down);
		await app.waitFor('❯ Connect');
		await app.press(keys.enter);
		await app.waitFor('How do you want to connect?');
		await app.press(keys.enter);
		await app.waitFor('Where does the org sign in?');
		await app.press(keys.down, keys.down);
		await app.waitFor('❯ My Domain');
		await app.press(keys.enter);
		await app.waitFor('Login URL');
		await app.press(org.instanceUrl);
		await app.waitFor(org.instanceUrl);
		await app.press(keys.enter);
		await app.waitFor('Client id PlatformCLI');
		await app.press(keys.enter);
		const screen = await app.waitFor(/2\. Enter\s+((?:[A-Z\d] )+[A-Z\d])/);
		org.approveDevice(/2\. Enter\s+((?:[A-Z\d] )+[A-Z\d])/.exec(screen)![1]!.replaceAll(' ', ''));
		await app.waitFor('Connected to');
		await app.press(keys.enter);
		await app.waitFor('Connected and authorized');
		await app.press('q');
		expect(await app.exited).toBe(0);

		const again = startPtyApp([], {env: temp.env, columns: 110, rows: 32});
		cleanups.push(again.kill);
		await again.waitFor('Enter open');
		expect(again.output()).not.toContain('DEMO ORG');
		await again.press(keys.enter);
		await again.waitFor('Enter Manage');
		await again.press(keys.enter);
		await again.waitFor(`Device login via ${org.instanceUrl}`);
		await again.waitFor(/Salesforce users\s+\d+ loaded/);
		await again.press('q');
		expect(await again.exited).toBe(0);
	});
});
