import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {isListedByDefault, type SalesforceUser} from '../../source/core/salesforce-user.js';
import {startDemoOrg} from '../../source/demo-org/demo-org.js';
import {openSession, type Session} from '../../source/session.js';
import {openSettings} from '../../source/settings/settings.js';
import {App} from '../../source/ui/app.js';
import {grantAdmin} from '../../source/app/admins.js';
import {directoryAs} from '../support/app-ports.js';
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
});

/** A dialog's text as one line, its wrapped rows joined, without the frame and the screen around it. */
function dialogText(frame: string): string {
	return frame
		.split('\n')
		.map((line) => /│ │ ?(.*?)\s*│?\s*$/.exec(line)?.[1])
		.filter((row) => row !== undefined)
		.join(' ')
		.replaceAll(/\s+/g, ' ');
}

async function listedUsers(session: Session): Promise<SalesforceUser[]> {
	const users: SalesforceUser[] = [];
	await session.services.fetchUsers((batch) => {
		users.push(...batch);
	}, new AbortController().signal);
	return users.filter((user) => isListedByDefault(user));
}

/** The app on the demo org, on the given tab of Salesforce › Manage. */
async function openTab(tab: 'Users' | 'History' | 'Settings', prepare?: (session: Session) => Promise<void>) {
	const temp = makeTempHome();
	const session = await openSession({kind: 'demo', users: 120, seed: 7}, temp.env, {startDemoOrg: startSharedDemoOrg});
	await prepare?.(session);
	const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
	cleanups.push(temp.remove, async () => session.close(), () => {
		rendered.unmount();
	});
	const driver = inkDriver(rendered);
	await openSalesforceDashboard(driver);
	const steps = {Users: [keys.tab], History: [keys.tab, keys.tab], Settings: [keys.shiftTab]}[tab];
	for (const key of steps) {
		// eslint-disable-next-line no-await-in-loop
		await driver.press(key);
	}

	return {driver, session, rendered, home: temp.home};
}

describe('manual choices on the Users tab', () => {
	it('maps a user to a person the admin picks, and the import records the mapping as manual', async () => {
		const {driver, session} = await openTab('Users');
		await driver.waitFor(/page 1 of/);
		const person = session.store.sqlite.prepare("select name from people where origin = 'demo-seed' order by name limit 1").get() as {name: string};
		await driver.press('m');
		await driver.waitFor('Map to an existing person…');
		await driver.press(keys.enter);
		await driver.waitFor('Find a person');
		await driver.type(person.name.slice(0, 5));
		// The first person by name is highlighted before anything is typed: wait for the typed search too.
		await driver.waitFor((frame) => frame.includes(`Find a person ${person.name.slice(0, 5)}`) && frame.includes(`› ${person.name}`));
		await driver.press(keys.enter);
		await driver.waitFor(`→ ${person.name} (by hand)`);

		await driver.press(keys.space, 'i');
		await driver.waitFor('What Import users will do');
		await driver.press(keys.enter);
		await driver.waitFor(/Done\. Run #1 is recorded/);
		const outcome = session.store.sqlite.prepare('select outcome, manual from import_outcomes').get();
		expect(outcome).toEqual({outcome: 'mapped', manual: 1});
	});

	it('shows a manual choice beside the email match of the same person before import, by hand, with both names', async () => {
		const {driver, session} = await openTab('Users');
		const listed = await listedUsers(session);
		const frame = await driver.waitFor(/page 1 of/);
		// The first row is mapped by hand to a seeded person whose own Salesforce user is checked too.
		const first = listed.find((user) => frame.includes(`›[ ] ${user.firstName} ${user.lastName}`))!;
		const people = session.store.sqlite.prepare("select name, email, email_normalised as normalised from people where origin = 'demo-seed'").all() as Array<{name: string; email: string; normalised: string}>;
		const person = people.find((candidate) => listed.some((user) => user.id !== first.id && user.email?.toLowerCase() === candidate.normalised))!;
		const own = listed.find((user) => user.email?.toLowerCase() === person.normalised)!;
		const firstName = `${first.firstName} ${first.lastName}`;
		const ownName = `${own.firstName} ${own.lastName}`;

		await driver.press('m');
		await driver.waitFor('Map to an existing person…');
		await driver.press(keys.enter);
		await driver.waitFor('Find a person');
		await driver.type(person.email);
		await driver.waitFor(`› ${person.name} <${person.email}>`);
		await driver.press(keys.enter);
		await driver.waitFor(`→ ${person.name} (by hand)`);
		await driver.waitFor(`${firstName} → ${person.name} <${person.email}>, by hand`);
		await driver.press(keys.space);
		await driver.waitFor('1 selected');

		await driver.press('/');
		await driver.type(own.email!);
		await driver.press(keys.enter);
		await driver.waitFor((screen) => /›\[ \] .*cannot import \(chosen for/.test(screen) && screen.includes('Not imported:'));
		expect(driver.frame()).toContain(`Not imported: ${person.name} <${person.email}> is chosen by hand for ${firstName}`);
		await driver.press(keys.space);
		await driver.waitFor('2 selected');

		await driver.press('i');
		const plan = await driver.waitFor('What Import users will do');
		expect(plan).toContain('1 will map to existing people by hand');
		expect(plan).toContain('1 skipped: the SalesScreen person is chosen by hand for another Salesforce user (1)');
		expect(plan).toMatch(new RegExp(`map +${firstName} → ${person.name} <${person.email.replaceAll('.', '\\.')}> \\(by hand\\)`));
		expect(dialogText(plan)).toContain(`conflict ${ownName}: ${person.name} <${person.email}> is chosen by hand for ${firstName}`);
		expect(plan).not.toMatch(/by email|already linked/);

		await driver.press(keys.enter);
		const result = await driver.waitFor(/Done\. Run #1 is recorded/);
		expect(result).toContain('1 mapped to existing people by hand');
		// The person's own email beside their name, not the Salesforce user's.
		expect(result).toMatch(new RegExp(`mapped +${firstName} +→ ${person.name} <${person.email.replaceAll('.', '\\.')}> \\(by hand\\)`));
		expect(result).not.toContain(first.email!.toLowerCase());
	});

	it('ignores a user until the choice is cleared', async () => {
		const {driver} = await openTab('Users');
		await driver.waitFor(/page 1 of/);
		await driver.press('m');
		await driver.waitFor('Ignore: never offer');
		await driver.press(keys.down);
		await driver.waitFor('❯ Ignore');
		await driver.press(keys.enter);
		await driver.waitFor('cannot import (ignored)');

		await driver.press('m');
		await driver.waitFor('Clear my choice');
		await driver.press(keys.down, keys.down);
		await driver.waitFor('❯ Clear my choice');
		await driver.press(keys.enter);
		await driver.waitFor((frame) => !frame.includes('cannot import (ignored)') && frame.includes('Space check'));
	});
});

describe('the sync scope in the Settings tab', () => {
	it('counts the users in scope as the admin checks values, and saves the scope', async () => {
		const {driver, home} = await openTab('Settings');
		const before = await driver.waitFor(/(\d+) of \d+ users in scope/);
		const total = Number(/(\d+) of \d+ users in scope/.exec(before)![1]);
		await driver.press(keys.down, keys.enter);
		await driver.waitFor('Automatic sync scope');
		// Active only, the "User types" heading, then the user types; the first profile comes after them.
		const dialog = driver.frame();
		const firstProfile = /Profiles[^\n]*\n[^\n]*\[ \] (.+?) {2}\((\d+)\)/.exec(dialog);
		expect(firstProfile).not.toBeNull();
		const rowsDown = dialog.split('\n').findIndex((line) => line.includes(`[ ] ${firstProfile![1]!}  (`)) - dialog.split('\n').findIndex((line) => line.includes('Active in Salesforce only'));
		await driver.press(...Array.from({length: rowsDown}, () => keys.down));
		await driver.press(keys.space);
		const narrowed = await driver.waitFor((frame) => {
			const count = /(\d+) of \d+ users in scope/.exec(frame);
			return count !== null && Number(count[1]) < total;
		});
		expect(narrowed).toContain(`[x] ${firstProfile![1]!}`);
		await driver.press(keys.enter);
		await driver.waitFor(`profiles ${firstProfile![1]!}`);
		expect(openSettings(home).get('syncScope').profiles).toEqual([firstProfile![1]]);
	});
});

describe('a held automatic sync', () => {
	it('opens to what it would do, and is released from the History tab', async () => {
		const org = await startDemoOrg({users: 40, seed: 17});
		cleanups.push(async () => org.close());
		const temp = makeTempHome();
		const session = await openSession({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken}, temp.env);
		cleanups.push(temp.remove, async () => session.close());
		const imported = (await listedUsers(session)).slice(0, 5);
		await session.services.importUsers(imported, () => undefined);
		session.settings.set('autoSync', true);
		// Two of five linked people leaving at once is more than the default 20%: the sync holds.
		org.updateUser(imported[0]!.id, {isActive: false});
		org.updateUser(imported[1]!.id, {isActive: false});
		const held = await session.app.syncUsers({dryRun: false, confirmHeld: false});
		expect(held.status).toBe('held');

		const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
		cleanups.push(() => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await openSalesforceDashboard(driver);
		await driver.press(keys.tab, keys.tab);
		await driver.waitFor(/#2 .*auto +held/);
		await driver.press(keys.enter);
		await driver.waitFor('Held by the safeguard: nothing was changed. R releases it.');
		const inactiveBefore = session.store.sqlite.prepare('select count(*) as n from people where active = 0').get() as {n: number};
		expect(inactiveBefore.n).toBe(0);

		await driver.press('R');
		await driver.waitFor('Release the held sync');
		await driver.press('y');
		await driver.waitFor((frame) => /#3 .*auto/.test(frame) && !frame.includes('Running the held sync'));
		const inactiveAfter = session.store.sqlite.prepare('select count(*) as n from people where active = 0').get() as {n: number};
		expect(inactiveAfter.n).toBe(2);
	});
});

describe('an operator who is not an admin, on the Salesforce dashboard', () => {
	it('is told why before connecting, mapping or undoing, and nothing changes', async () => {
		const temp = makeTempHome();
		const session = await openSession({kind: 'demo', users: 60, seed: 7}, {...temp.env, SALESSCREEN_OPERATOR: 'bob'}, {startDemoOrg: startSharedDemoOrg});
		// Imported while the store had no admin yet, when anyone may.
		await session.services.importUsers((await listedUsers(session)).slice(0, 2), () => undefined);
		await grantAdmin(directoryAs(session.store), {login: 'alice', name: 'Alice Admin', email: 'alice@acme.com'});
		const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
		cleanups.push(temp.remove, async () => session.close(), () => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		const flat = (frame = driver.frame()) => frame.replaceAll(/\s*│\s*/g, ' ').replaceAll(/\s+/g, ' ');
		await openSalesforceDashboard(driver);
		await driver.press(keys.down);
		await driver.waitFor('❯ Connect');
		await driver.press(keys.enter);
		await driver.waitFor((frame) => flat(frame).includes('Only an admin may connect an org. No person here has your OS login "bob". Ask Alice Admin (alice)'));
		expect(driver.frame()).not.toContain('How do you want to connect?');

		await driver.press(keys.tab);
		await driver.waitFor(/page 1 of/);
		await driver.press('m');
		await driver.waitFor((frame) => flat(frame).includes('Only an admin may import users.'));
		expect(driver.frame()).not.toContain('Map to an existing person');

		await driver.press(keys.tab);
		await driver.waitFor('u undoes run #1');
		await driver.press('u');
		await driver.waitFor((frame) => flat(frame).includes('Only an admin may undo an import.'));
		expect(driver.frame()).not.toContain('Undo the last run');
		const links = session.store.sqlite.prepare('select count(*) as n from salesforce_links').get() as {n: number};
		expect(links.n).toBe(2);
	});
});

describe('a sandbox org', () => {
	it('previews mapping by email without the .invalid Salesforce added to it', async () => {
		const org = await startDemoOrg({users: 30, seed: 23, sandbox: true});
		cleanups.push(async () => org.close());
		const temp = makeTempHome();
		const session = await openSession({kind: 'token', instanceUrl: org.instanceUrl, accessToken: org.accessToken}, temp.env);
		cleanups.push(temp.remove, async () => session.close());
		const [first] = await listedUsers(session);
		expect(first!.email).toMatch(/\.invalid$/);
		const production = first!.email!.replace(/\.invalid$/, '');
		session.store.sqlite
			.prepare("insert into people (name, email, email_normalised, origin) values ('Existing Person', ?, ?, 'manual')")
			.run(production, production.toLowerCase());

		const rendered = render(<App services={session.services} size={{columns: 120, rows: 34}} />);
		cleanups.push(() => {
			rendered.unmount();
		});
		const driver = inkDriver(rendered);
		await openSalesforceDashboard(driver);
		await driver.waitFor('Connected and authorized');
		await driver.waitFor(/Org .*· sandbox/);
		await driver.press(keys.tab);
		const users = await driver.waitFor(/page 1 of/);
		const row = users.split('\n').find((line) => line.includes(first!.lastName));
		expect(row).toContain('→ Existing Person (email)');
	});
});
