import {describe, expect, it} from 'vitest';
import type {OrgOverview} from '../../source/app/app-services.js';
import {openSalesforceDashboard} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {renderApp, testServices} from '../support/render-app.js';
import {salesforceUser} from '../support/salesforce-users.js';

/** Past the first-admin question, to the Users tab with its one page listed. */
async function openUsersTab(driver: Parameters<typeof openSalesforceDashboard>[0]) {
	await driver.press('n');
	await openSalesforceDashboard(driver);
	await driver.press(keys.tab);
	await driver.waitFor(/page 1 of 1/);
}

/*
 * The Users tab lists the org's users while the connected user's rights are still being checked: the
 * two answers come back in either order. What `i` says must not depend on which came first.
 */
describe('i on the Users tab while the Salesforce rights are still being checked', () => {
	function servicesWithRightsHeld() {
		const users = Array.from({length: 5}, (_, index) => salesforceUser({email: `seller${index}@acme.com`, name: `Seller ${index}`}));
		const {services} = testServices({users});
		let release: () => void = () => undefined;
		const held = new Promise<void>((resolve) => {
			release = resolve;
		});
		const fetchOverview = async (): Promise<OrgOverview> => {
			await held;
			return services.fetchOverview();
		};

		return {services: {...services, fetchOverview}, release: () => release()};
	}

	it('asks for a selection first when nothing is checked', async () => {
		const {services, release} = servicesWithRightsHeld();
		const {driver} = renderApp({services});
		await openUsersTab(driver);
		await driver.press('i');
		const frame = await driver.waitFor(/Check users first|still being checked/);
		release();
		expect(frame).toContain('Check users first');
		expect(frame).not.toContain('still being checked');
	});

	it('opens the import the admin asked for once the check clears it, and nothing before', async () => {
		const {services, release} = servicesWithRightsHeld();
		const {driver} = renderApp({services});
		await openUsersTab(driver);
		await driver.press(keys.space, keys.down, keys.space);
		await driver.waitFor(/(?:^|[^\d,])2 selected/m);
		await driver.press('i');
		const waiting = await driver.waitFor('still being checked');
		expect(waiting).not.toContain('What Import users will do');
		release();
		const opened = await driver.waitFor((frame) => frame.includes('What Import users will do') && !frame.includes('still being checked'));
		expect(opened).toContain('Import users · 2 selected');
	});
});

describe('the import plan on a store another instance writes to', () => {
	it('is read against the store as it is when i is pressed, not as it was when the list loaded', async () => {
		const users = Array.from({length: 5}, (_, index) => salesforceUser({email: `rep${index}@acme.com`, name: `Rep ${index}`}));
		const {services} = testServices({users});
		const {driver} = renderApp({services});
		await openUsersTab(driver);
		// Another admin, on another host sharing the store, imports two of them meanwhile.
		await services.importUsers(users.slice(0, 2), () => undefined);
		await driver.press(keys.space, keys.down, keys.space, keys.down, keys.space);
		await driver.waitFor(/(?:^|[^\d,])3 selected/m);
		await driver.press('i');
		const plan = await driver.waitFor((frame) => /2 already imported/.test(frame));
		expect(plan).toMatch(/1 will be created/);
		await driver.press(keys.enter);
		const done = await driver.waitFor(/Done\. Run #\d+ is recorded/);
		expect(done).toMatch(/2 already imported/);
	});

	it('shows the rows as the store has them each time the Users tab comes into view', async () => {
		const users = Array.from({length: 4}, (_, index) => salesforceUser({email: `rep${index}@acme.com`, name: `Rep ${index}`}));
		const {services} = testServices({users});
		const {driver} = renderApp({services});
		await openUsersTab(driver);
		const before = await driver.waitFor((frame) => (frame.match(/\bnew\b/g) ?? []).length >= 4);
		expect(before).not.toContain('already imported');
		await services.importUsers(users.slice(0, 2), () => undefined);
		await driver.press(keys.tab);
		await driver.waitFor('newest first');
		await driver.press(keys.shiftTab);
		const rowsMarked = (frame: string) => frame.split('\n').filter((line) => /\[ \].*already imported\s*$/.test(line)).length;
		const after = await driver.waitFor((frame) => rowsMarked(frame) === 2);
		expect(after.split('\n').filter((line) => /\[ \].*\bnew\s*$/.test(line))).toHaveLength(2);
	});
});
