import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/database.js';
import {openSalesforceDashboard, type inkDriver} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {renderApp, testServices} from '../support/render-app.js';
import {salesforceUser} from '../support/salesforce-users.js';

/*
 * People, Teams and History, and the dialogs they open, over the real app layer and a SQLite store in a
 * temporary folder: no org over HTTP, no demo org to boot. The whole-app tests (the demo org, the built
 * binary in a terminal) stay the outer ring.
 */

type Driver = ReturnType<typeof inkDriver>;

function count(store: Store, sql: string): number {
	return (store.sqlite.prepare(sql).get() as {n: number}).n;
}

/** From the sidebar to a section and into it. */
async function openSection(driver: Driver, section: 'People' | 'Teams') {
	await driver.waitFor('Enter open');
	// The sidebar's list wraps around: move down until the section is the highlighted one.
	for (let step = 0; step < 3 && !driver.frame().includes(`❯ ${section}`); step++) {
		// eslint-disable-next-line no-await-in-loop
		await driver.press(keys.down);
	}

	await driver.waitFor(`❯ ${section}`);
	await driver.press(keys.enter);
	await driver.waitFor(section === 'People' ? 'Enter details' : 'new team');
}

describe('People and Teams', () => {
	it('puts several checked people on a team from the People screen, and adds people from the Teams screen', async () => {
		const {services, store} = testServices();
		for (const name of ['Ann Archer', 'Ben Baker', 'Cy Carter']) {
			// eslint-disable-next-line no-await-in-loop
			await services.people.add({name, email: `${name.split(' ')[0]!.toLowerCase()}@acme.com`, title: ''});
		}

		const {driver} = renderApp({services, size: {columns: 140, rows: 36}});
		await driver.waitFor('No SalesScreen admin yet');
		await driver.press('n');
		await openSection(driver, 'People');
		await driver.waitFor('3 people');
		await driver.press(keys.space, keys.down, keys.space);
		await driver.waitFor(/(?:^|[^\d,])2 selected/m);
		await driver.press('t');
		await driver.waitFor('Put 2 people on:');
		await driver.press(keys.enter);
		await driver.waitFor('Team name');
		await driver.type('Hunters');
		await driver.press(keys.enter);
		// The dialog gone and the selection cleared: "0 selected" as a number of its own.
		await driver.waitFor((frame) => frame.includes('2 people put on Hunters.') && /(?:^|[^\d,])0 selected/m.test(frame) && !frame.includes('Put 2 people on:'));

		await driver.press(keys.escape);
		await openSection(driver, 'Teams');
		await driver.waitFor(/Hunters\s+2/);
		await driver.press(keys.enter);
		await driver.press('n');
		await driver.waitFor('Add to Hunters');
		await driver.press(keys.space);
		await driver.waitFor('1 checked');
		await driver.press(keys.enter);
		await driver.waitFor('1 person put on Hunters.');
		await driver.waitFor('Hunters · 3 people');
		expect(count(store, 'select count(*) as n from people where team_id is not null')).toBe(3);
	});
});

describe('the History tab', () => {
	async function openHistory(services: ReturnType<typeof testServices>['services']) {
		const {driver, rendered} = renderApp({services});
		await driver.waitFor('No SalesScreen admin yet');
		await driver.press('n');
		await openSalesforceDashboard(driver);
		await driver.press(keys.tab, keys.tab);
		return {driver, rendered};
	}

	it('says there is nothing to show before any import', async () => {
		const {services} = testServices();
		const {driver} = await openHistory(services);
		await driver.waitFor('No imports yet.');
	});

	it('lists runs, opens one to its outcomes, and undoes the last run once', async () => {
		const users = [salesforceUser({lastName: 'Abbott'}), salesforceUser({lastName: 'Barros'}), salesforceUser({lastName: 'Castillo'})];
		const {services, store} = testServices({users});
		await services.importUsers(users, () => undefined);
		const {driver, rendered} = await openHistory(services);
		const list = await driver.waitFor('u undoes run #1');
		expect(list).toMatch(/#1 .*manual +3 created · 0 mapped · 0 skipped/);

		await driver.press(keys.enter);
		const run = await driver.waitFor('Run #1');
		for (const user of users) {
			expect(run).toContain(user.lastName);
		}

		await driver.press(keys.escape);
		await driver.waitFor((frame) => frame.includes('u undoes run #1') && !frame.includes('Run #1 ·'));
		await driver.press('u');
		await driver.waitFor('Undo the last run');
		await driver.press('y');
		const undone = await driver.waitFor('Undid run #1: removed 3 people and 3 links.');
		// The store holds the process while it undoes: the frame before says it is working, with the counts.
		const working = rendered.frames.findIndex((frame) => frame.includes('Undoing run #1: removing 3 links and up to 3 people…'));
		expect(working).toBeGreaterThan(-1);
		expect(working).toBeLessThan(rendered.frames.findIndex((frame) => frame.includes('Undid run #1')));
		expect(undone).toMatch(/#2 .*undo/);
		expect(undone).toMatch(/#1 .*manual +undone/);
		expect(count(store, "select count(*) as n from people where origin = 'salesforce'")).toBe(0);
	});
});

describe('which SalesScreen store is in use', () => {
	it('is named on the header when other instances share it, and on Overview always', async () => {
		const name = 'PostgreSQL database salesscreen on salesscreen@db.example.com';
		const {services} = testServices({store: {name, shared: true}});
		const {driver} = renderApp({services, size: {columns: 160, rows: 36}});
		await driver.waitFor('No SalesScreen admin yet');
		await driver.press('n');
		const frame = await openSalesforceDashboard(driver);
		expect(frame.split('\n')[0]).toContain('store: PostgreSQL salesscreen on salesscreen@db.example.com');
		expect(frame).toMatch(new RegExp(`SalesScreen store +${name}`));
	});

	it('leaves the header alone for the SQLite file of this data folder', async () => {
		const {services, home} = testServices();
		const {driver} = renderApp({services, size: {columns: 160, rows: 36}});
		await driver.waitFor('No SalesScreen admin yet');
		await driver.press('n');
		const frame = await openSalesforceDashboard(driver);
		expect(frame.split('\n')[0]).not.toContain('store:');
		expect(frame).toMatch(/SalesScreen store +SQLite \S+salesscreen\.db/);
		expect(frame).toContain(home);
	});
});

describe('a form typed ahead in one read', () => {
	it('moves between fields and edits the one each key meets, in order', async () => {
		const {services, store} = testServices();
		const {driver, rendered} = renderApp({services, size: {columns: 120, rows: 30}});
		await driver.waitFor('No SalesScreen admin yet');
		await driver.press('y');
		await driver.waitFor('Enter next field');
		// Name, Tab, email, then ↑ back to the name, Ctrl+U clears it, a new name, Enter to the email and
		// Enter again to become admin: all in one read.
		rendered.stdin.write(`Ann Archer\tann@acme.com${keys.up}\u0015Ann Admin\r\r`);
		const done = await driver.waitFor((frame) => !frame.includes('Become the first admin'));
		expect(done).not.toContain('Become the first admin');
		expect(store.sqlite.prepare("select name, email from people where role = 'admin'").all()).toEqual([{name: 'Ann Admin', email: 'ann@acme.com'}]);
	});
});
