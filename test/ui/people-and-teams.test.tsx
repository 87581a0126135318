import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {openSession, type Session} from '../../source/session.js';
import {App} from '../../source/ui/app.js';
import {grantAdmin} from '../../source/app/admins.js';
import {directoryAs} from '../support/app-ports.js';
import {inkDriver} from '../support/ink-driver.js';
import {keys} from '../support/keys.js';
import {sharedDemoOrgs} from '../support/shared-demo-org.js';
import {makeTempHome} from '../support/temp-home.js';

const startSharedDemoOrg = sharedDemoOrgs();

const ctrlU = '\u0015';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		// eslint-disable-next-line no-await-in-loop
		await cleanup();
	}
});

type Driver = ReturnType<typeof inkDriver>;

async function startApp(options: {operator?: string; home?: ReturnType<typeof makeTempHome>; prepare?: (session: Session) => Promise<void>} = {}) {
	const temp = options.home ?? makeTempHome();
	const env = {...temp.env, ...(options.operator ? {SALESSCREEN_OPERATOR: options.operator} : {})};
	const session = await openSession({kind: 'demo', users: 300, seed: 7}, env, {startDemoOrg: startSharedDemoOrg});
	await options.prepare?.(session);
	const rendered = render(<App services={session.services} size={{columns: 140, rows: 36}} />);
	cleanups.push(async () => session.close(), () => {
		rendered.unmount();
	});
	if (!options.home) {
		cleanups.push(temp.remove);
	}

	const driver = inkDriver(rendered);
	await driver.waitFor('Enter open');
	return {session, driver, temp};
}

function query<T>(session: Session, sql: string, ...parameters: unknown[]): T[] {
	return session.store.sqlite.prepare(sql).all(...parameters) as T[];
}

/** From the sidebar, wherever it stands, to a section and into it. */
async function openSection(driver: Driver, section: 'People' | 'Teams') {
	// The sidebar's list wraps around: move down until the section is the highlighted one.
	for (let step = 0; step < 3 && !driver.frame().includes(`❯ ${section}`); step++) {
		// eslint-disable-next-line no-await-in-loop
		await driver.press(keys.down);
	}

	await driver.waitFor(`❯ ${section}`);
	await driver.press(keys.enter);
	await driver.waitFor(section === 'People' ? 'Enter details' : 'new team');
}

/** The frame's text with the dialog borders and line breaks of wrapped lines taken out. */
const flat = (frame: string) => frame.replaceAll(/\s*│?\s*\n[\s│]*/g, ' ');

async function selectIntegrations(driver: Driver) {
	for (let step = 0; step < 3 && !driver.frame().includes('❯ Integrations'); step++) {
		// eslint-disable-next-line no-await-in-loop
		await driver.press(keys.down);
	}

	await driver.waitFor('❯ Integrations');
}

/** From a section back to the sidebar. */
async function backToSidebar(driver: Driver) {
	await driver.press(keys.escape);
	await driver.waitFor('Enter open');
}

async function importUsers(driver: Driver, howMany: number) {
	await driver.press(keys.enter);
	await driver.waitFor('Enter Manage');
	await driver.press(keys.enter);
	await driver.waitFor('Overview');
	await driver.press(keys.tab);
	await driver.waitFor(/\d+ users/);
	for (let index = 0; index < howMany; index++) {
		// eslint-disable-next-line no-await-in-loop
		await driver.press(keys.space, keys.down);
	}

	await driver.waitFor(`${howMany} selected`);
	await driver.press('i');
	await driver.waitFor('What Import users will do');
}

async function typeSeparately(driver: Driver, text: string) {
	// Typed a key at a time, as a person does; a single write would arrive as a paste.
	await driver.type(text);
}

describe('people on no team', () => {
	it('are shown as such on People, with the key that places them', async () => {
		const {driver, session} = await startApp();
		await driver.press('n');
		await openSection(driver, 'People');
		const listed = query<{name: string}>(session, 'select name from people where active = 1 and team_id is null');
		expect(listed.length).toBeGreaterThan(0);
		const frame = await driver.waitFor(`${listed.length} on no team`);
		expect(frame).toMatch(/no team/);
		expect(flat(frame)).toMatch(/ is on no team: their sales activity is not counted\. t puts them on a team\./);
		await driver.press('t');
		await driver.waitFor('Put 1 person');
	});
});

describe('teams', () => {
	it('creates a team, puts imported people on it, shows them, renames it and deletes it', async () => {
		const {driver, session} = await startApp();
		await driver.press('n');
		await openSection(driver, 'Teams');
		await driver.waitFor('No teams yet');
		await driver.press('n');
		await driver.waitFor('New team');
		await typeSeparately(driver, 'Closers');
		await driver.press(keys.enter);
		await driver.waitFor('Closers is created');
		await driver.press('n');
		await typeSeparately(driver, 'CLOSERS');
		await driver.press(keys.enter);
		await driver.waitFor('There is a team "Closers" already; team names are compared without case.');
		await driver.press(keys.escape);

		// Import two users, and put them on the team from the import's last step.
		await driver.press(keys.escape);
		await backToSidebar(driver);
		await selectIntegrations(driver);
		await importUsers(driver, 2);
		await driver.press(keys.enter);
		await driver.waitFor(/Done\. Run #\d+ is recorded/);
		await driver.waitFor('t puts the 2 imported people on a team; Enter closes.');
		expect(flat(driver.frame())).toContain('2 of the people this run created or mapped are on no team: their sales activity is not counted; t puts them on a team.');
		await driver.press('t');
		await driver.waitFor('Put the 2 imported people on:');
		await driver.press(keys.enter);
		await driver.waitFor('2 people put on Closers.');
		expect(driver.frame()).not.toContain('on no team');
		await driver.press(keys.enter);
		const imported = query<{name: string}>(session, "select p.name from people p join teams t on t.id = p.team_id where t.name = 'Closers' order by p.name");
		expect(imported).toHaveLength(2);

		// The team shows them.
		await driver.press(keys.escape);
		await driver.press(keys.escape);
		await driver.waitFor('Enter open');
		await openSection(driver, 'Teams');
		await driver.waitFor(/Closers\s+2/);
		await driver.press(keys.enter);
		await driver.waitFor('Closers · 2 people');
		for (const {name} of imported) {
			expect(driver.frame()).toContain(name);
		}

		await driver.press('e');
		await driver.waitFor('Rename Closers');
		await driver.press(ctrlU);
		await typeSeparately(driver, 'Deal Closers');
		await driver.press(keys.enter);
		await driver.waitFor('Closers is called Deal Closers now.');
		await driver.press(keys.escape);
		await driver.waitFor(/Deal Closers\s+2/);
		await driver.press('d');
		await driver.waitFor('Delete Deal Closers? Its 2 people stay, on no team.');
		await driver.press('y');
		await driver.waitFor('Deal Closers is deleted; its 2 people are on no team now.');
		expect(query(session, 'select * from teams')).toEqual([]);
		expect(query<{n: number}>(session, 'select count(*) as n from people where team_id is not null')[0]!.n).toBe(0);
	});
});

describe('people', () => {
	it('adds, edits and deactivates a person, refusing a duplicate email', async () => {
		const {driver, session} = await startApp();
		const seeded = query<{email: string}>(session, "select email from people where origin = 'demo-seed' limit 1")[0]!.email;
		await driver.press('n');
		await openSection(driver, 'People');
		await driver.press('n');
		await driver.waitFor('New person');
		await typeSeparately(driver, 'Dana Dupe');
		await driver.press(keys.enter);
		await typeSeparately(driver, seeded.toLowerCase());
		await driver.press(keys.enter, keys.enter);
		await driver.waitFor((frame) => /has that email already \(\S+\); emails are compared without case/.test(flat(frame)));
		expect(query(session, "select * from people where name = 'Dana Dupe'")).toEqual([]);
		await driver.press(keys.up, ctrlU);
		await typeSeparately(driver, 'not an email');
		await driver.press(keys.enter, keys.enter);
		await driver.waitFor('"not an email" is not an email address.');
		await driver.press(ctrlU);
		await typeSeparately(driver, 'Dana.New@Acme.com');
		await driver.press(keys.enter, keys.enter);
		await driver.waitFor('Dana Dupe is added, as a member on no team.');
		expect(query(session, "select email, email_normalised, role, active, origin from people where name = 'Dana Dupe'")).toEqual([
			{email: 'Dana.New@Acme.com', email_normalised: 'dana.new@acme.com', role: 'member', active: 1, origin: 'manual'},
		]);

		await driver.press('/');
		await typeSeparately(driver, 'dana');
		await driver.press(keys.enter);
		await driver.waitFor('1 person');
		await driver.press('e');
		await driver.waitFor('Edit Dana Dupe');
		await driver.press(ctrlU);
		await typeSeparately(driver, 'Dana Dunn');
		await driver.press(keys.enter, keys.enter, keys.enter);
		await driver.waitFor('Dana Dunn is saved.');

		await driver.press('d');
		await driver.waitFor('Dana Dunn is deactivated');
		await driver.waitFor('No one matches "dana"');
		expect(query(session, "select active from people where name = 'Dana Dunn'")).toEqual([{active: 0}]);
		await driver.press('h');
		await driver.waitFor('1 person (all)');
		await driver.press('d');
		await driver.waitFor('Dana Dunn is active again.');
		expect(query(session, "select active from people where name = 'Dana Dunn'")).toEqual([{active: 1}]);
	});

	it('shows where a person came from and their import history, and unlinks them from Salesforce', async () => {
		const {driver, session} = await startApp();
		await importUsers(driver, 1);
		await driver.press(keys.enter);
		await driver.waitFor(/Done\. Run #\d+ is recorded/);
		await driver.press(keys.enter, keys.escape, keys.escape);
		await driver.waitFor('Enter open');
		const [linked] = query<{name: string; sf: string}>(session, 'select p.name, l.salesforce_user_id as sf from people p join salesforce_links l on l.person_id = p.id');
		await openSection(driver, 'People');
		await driver.press('/');
		await typeSeparately(driver, linked!.name);
		await driver.press(keys.enter);
		// The filter kept and the list narrowed to the linked person (their id is on the full list too).
		await driver.waitFor((frame) => frame.includes(`filter: ${linked!.name} · 0 selected · 1 person`) && frame.includes(`SF ${linked!.sf}`));
		await driver.press(keys.enter);
		await driver.waitFor(`Origin: linked to Salesforce user ${linked!.name} (${linked!.sf})`);
		await driver.waitFor('Import history (1, newest first)');
		expect(driver.frame()).toMatch(new RegExp(`#1 .* by ${session.services.operator} \\(manual\\) created`));
		await driver.press(keys.escape);
		await driver.press('l');
		await driver.waitFor('Unlink');
		await driver.press('y');
		await driver.waitFor('is no longer linked');
		expect(query(session, 'select * from salesforce_links')).toEqual([]);
		expect(query(session, 'select name from people where name = ?', linked!.name)).toHaveLength(1);
	});
});

describe('an operator who is not an admin', () => {
	it('may look at everything, and is told why at every change', async () => {
		const {driver, session} = await startApp({
			operator: 'bob',
			async prepare(session) {
				await grantAdmin(directoryAs(session.store), {login: 'alice', name: 'Alice Admin', email: 'alice@acme.com'});
			},
		});
		expect(driver.frame()).not.toContain('No SalesScreen admin yet');
		const before = query(session, 'select * from people order by id');

		await openSection(driver, 'People');
		await driver.waitFor('bob: read only');
		const refusals: Array<[string, RegExp]> = [
			['n', /Only an admin may add or change people\. No person here has your OS login "bob"\. Ask Alice Admin \(alice\) to make you one\./],
			['e', /Only an admin may add or change people/],
			['d', /Only an admin may add or change people/],
			['t', /Only an admin may change teams/],
			['p', /Only an admin may make people admins/],
			['l', /Only an admin may add or change people/],
		];
		for (const [key, refusal] of refusals) {
			// eslint-disable-next-line no-await-in-loop
			await driver.press(key);
			// eslint-disable-next-line no-await-in-loop
			await driver.waitFor((frame) => refusal.test(flat(frame)));
			// eslint-disable-next-line no-await-in-loop
			await driver.press(keys.escape);
			// eslint-disable-next-line no-await-in-loop
			await driver.press(keys.enter);
			// Any key clears the refusal, so that the next one is seen to come from the next key.
			// eslint-disable-next-line no-await-in-loop
			await driver.press(keys.down);
			// eslint-disable-next-line no-await-in-loop
			await driver.waitFor((frame) => !flat(frame).includes('Only an admin may'));
		}

		// Reading works: details, then back.
		await driver.press(keys.escape);
		await driver.waitFor('Enter open');
		await openSection(driver, 'People');
		await driver.press(keys.enter);
		await driver.waitFor('Import history');
		await driver.press(keys.escape);

		await backToSidebar(driver);
		await openSection(driver, 'Teams');
		await driver.press('n');
		await driver.waitFor('Only an admin may change teams.');
		await driver.press('s');
		await driver.waitFor('Only an admin may change this setting.');
		await backToSidebar(driver);
		await selectIntegrations(driver);
		await importUsers(driver, 1);
		await driver.waitFor('Only an admin may import users.');
		await driver.press(keys.enter);
		expect(driver.frame()).not.toContain('Importing');
		expect(query(session, 'select * from people order by id')).toEqual(before);
		expect(query(session, 'select * from import_runs')).toEqual([]);
		expect(session.services.readSettings().teamFromSalesforce).toBe('off');
		await expect(session.services.people.add({name: 'X', email: 'x@acme.com'})).rejects.toThrow(/Only an admin/);
	});
});

describe('the first admin', () => {
	it('is offered on start while there is none, asked again after "not now", and cannot demote themselves when last', async () => {
		const temp = makeTempHome();
		cleanups.push(temp.remove);
		const first = await startApp({operator: 'carol', home: temp});
		await first.driver.waitFor('No SalesScreen admin yet');
		expect(first.driver.frame()).toContain('as OS login carol');
		await first.driver.press('n');
		await first.driver.waitFor((frame) => !frame.includes('No SalesScreen admin yet'));
		await first.session.close();

		const {driver, session} = await startApp({operator: 'carol', home: temp});
		await driver.waitFor('No SalesScreen admin yet');
		await driver.press('y');
		// The form, not the question that also says "Become the first admin".
		await driver.waitFor((frame) => frame.includes('Your OS login carol will be') && !frame.includes('No SalesScreen admin yet'));
		await typeSeparately(driver, 'Carol Chief');
		await driver.press(keys.enter);
		await typeSeparately(driver, 'carol@acme.com');
		await driver.press(keys.enter);
		await driver.waitFor("You (carol) are SalesScreen's admin now");
		expect(query(session, "select name, role, os_login as login, origin from people where os_login = 'carol'")).toEqual([
			{name: 'Carol Chief', role: 'admin', login: 'carol', origin: 'manual'},
		]);
		expect(await session.services.operatorRights()).toMatchObject({isAdmin: true, bootstrap: false});

		await openSection(driver, 'People');
		await driver.waitFor('carol: admin');
		await driver.press('/');
		await typeSeparately(driver, 'carol');
		await driver.press(keys.enter);
		await driver.press('p');
		await driver.waitFor('Make Carol Chief a member?');
		await driver.press('y');
		await driver.waitFor('You are the last admin: make someone else an admin first');
		await driver.press(keys.down);
		await driver.waitFor((frame) => !frame.includes('You are the last admin'));
		await driver.press('d');
		await driver.waitFor('You are the last admin');
		expect(query(session, "select role, active from people where os_login = 'carol'")).toEqual([{role: 'admin', active: 1}]);

		// Another admin, and then carol may step down.
		await driver.press('/', ctrlU);
		await driver.press(keys.backspace, keys.backspace, keys.backspace, keys.backspace, keys.backspace);
		await driver.press(keys.enter);
		await driver.press(keys.home);
		await driver.press('p');
		await driver.waitFor('Which OS login');
		await typeSeparately(driver, 'dave');
		await driver.press(keys.enter);
		await driver.waitFor('is an admin now, as OS login dave');
		expect(query<{login: string}>(session, "select os_login as login from people where role = 'admin' order by os_login")).toEqual([{login: 'carol'}, {login: 'dave'}]);
	});
});
