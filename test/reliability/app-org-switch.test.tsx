import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoOrg} from '../../source/demo-org/demo-org.js';
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

const count = (session: Awaited<ReturnType<typeof openSession>>, sql: string) => (session.store.sqlite.prepare(sql).get() as {n: number}).n;

describe('the app on the demo org, over a store of a real org’s people', () => {
	it('asks before importing demo users, imports nothing on Esc, and imports after Enter', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		// A real org (to the app: reached by URL and token) imported into the store first.
		const real = await startDemoOrg({users: 30, seed: 41});
		cleanups.push(async () => real.close());
		const first = await openSession({kind: 'token', instanceUrl: real.instanceUrl, accessToken: real.accessToken}, temp.env);
		const users = await (async () => {
			const all: Parameters<typeof first.services.importUsers>[0][number][] = [];
			await first.services.fetchUsers((batch) => all.push(...batch), new AbortController().signal);
			return all.filter((user) => user.isActive && user.userType === 'Standard').slice(0, 5);
		})();
		await first.services.importUsers(users, () => undefined);
		await first.close();

		// The app opens on the built-in demo org, as it does without a saved connection.
		const session = await openSession({kind: 'saved-or-demo'}, temp.env);
		cleanups.push(async () => session.close());
		const before = count(session, 'select count(*) as n from people');
		const rendered = render(<App services={session.services} size={{columns: 140, rows: 30}} />);
		cleanups.push(() => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await driver.waitFor('Enter open');
		await driver.press(keys.enter);
		await driver.waitFor('Enter Manage');
		await driver.press(keys.enter);
		await driver.waitFor('Overview');
		await driver.press(keys.tab);
		await driver.waitFor(/page 1 of \d+/);
		await driver.press(keys.space);
		await driver.waitFor('1 selected');
		await driver.press('i');
		await driver.waitFor('What Import users will do');
		await driver.press(keys.enter);

		const asked = await driver.waitFor(/Press Enter to import these users anyway/);
		expect(asked).toMatch(new RegExp(`This store holds people imported from the org ${real.orgId} at`));
		expect(asked).toMatch(/the org in use now is the built-in demo org/);
		expect(count(session, 'select count(*) as n from people')).toBe(before);
		expect(count(session, "select count(*) as n from import_runs where status = 'failed'")).toBe(0);

		await driver.press(keys.escape);
		await driver.waitFor((frame) => !frame.includes('Press Enter to import these users anyway') && frame.includes('1 selected'));
		expect(count(session, 'select count(*) as n from people')).toBe(before);

		await driver.press('i');
		await driver.waitFor('What Import users will do');
		await driver.press(keys.enter);
		await driver.waitFor(/Press Enter to import these users anyway/);
		await driver.press(keys.enter);
		await driver.waitFor(/Done\. Run #\d+ is recorded/);
		expect(count(session, 'select count(*) as n from salesforce_links')).toBe(6);
	});
});
