import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import type {DemoUserRecord} from '../../source/demo-org/demo-user-record.js';
import {runCli} from '../support/run-cli.js';
import {readStore} from '../support/read-store.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

let counter = 0;
function user(email: string, lastName: string, profileName = 'Standard User'): DemoUserRecord {
	counter++;
	return {
		id: `005Hx0000000${String(counter).padStart(3, '0')}`,
		firstName: 'Hostile',
		lastName,
		email,
		username: `hostile.${counter}@hostile.test.org`,
		isActive: true,
		userType: 'Standard',
		title: null,
		department: null,
		profileName,
	};
}

let org: DemoOrg;
beforeAll(async () => {
	org = await startDemoOrg({
		records: [
			// The connected user: an import needs a Salesforce admin on the other side.
			user('zw@hostile.test', 'Aplain', 'System Administrator'),
			user('z\u200Bw@hostile.test', 'Binside'),
			user('zw@hostile.test\u200B', 'Cafter'),
			user('ri\u202Egh@hostile.test', 'Dbidi'),
			user('lone\uD800@hostile.test', 'Esurrogate'),
			// The same address in NFD (e + combining acute) and NFC (é): one person.
			user('jose\u0301@hostile.test', 'Fdecomposed'),
			user('jos\u00E9@hostile.test', 'Gcomposed'),
		],
	});
});
afterAll(async () => {
	await org?.close();
});

type Outcome = {name: string; outcome: string; reason: string | null; detail: string};

describe('emails with invisible or broken characters', () => {
	it('make one person per address, with the same text as key and as stored value, and skip the rest with a reason', async () => {
		const {home, env} = tempHome();
		const result = await runCli(['import', '--all', '--json', '--instance-url', org.instanceUrl, '--access-token', org.accessToken], env);
		expect(result.code, result.stderr).toBe(0);
		const outcomes = (JSON.parse(result.stdout) as {outcomes: Outcome[]}).outcomes;
		const byName = (last: string) => outcomes.find((outcome) => outcome.name.endsWith(last))!;

		expect(byName('Aplain').outcome).toBe('created');
		expect(byName('Binside')).toMatchObject({outcome: 'skipped', reason: 'invalid-email'});
		expect(byName('Binside').detail).toMatch(/invisible character \(U\+200B\)/);
		expect(byName('Cafter')).toMatchObject({outcome: 'skipped', reason: 'invalid-email'});
		expect(byName('Dbidi').detail).toMatch(/invisible character \(U\+202E\)/);
		expect(byName('Esurrogate').detail).toMatch(/broken character/);
		expect(byName('Fdecomposed').outcome).toBe('created');
		expect(byName('Gcomposed')).toMatchObject({outcome: 'skipped', reason: 'duplicate-email-in-selection'});

		const people = readStore<{email: string; key: string; hexKey: string}>(home, 'select email, email_normalised as key, hex(email_normalised) as hexKey from people order by id');
		expect(people.map((person) => [person.email, person.key])).toEqual([
			['zw@hostile.test', 'zw@hostile.test'],
			['jos\u00E9@hostile.test', 'jos\u00E9@hostile.test'],
		]);
		// Stored as NFC UTF-8: é is C3 A9, with no zero-width space (E2 80 8B) anywhere.
		expect(people[1]!.hexKey).toContain('C3A9');
		expect(people.map((person) => person.hexKey).join('')).not.toContain('E2808B');
	});

	it('are refused for a person an admin adds by hand', async () => {
		const {home, env} = tempHome();
		const result = await runCli(['admin', 'add', 'bob', '--name', 'Bob', '--email', 'b\u200Bob@hostile.test'], env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/holds an invisible character \(U\+200B\)/);
		expect(readStore(home, 'select * from people')).toEqual([]);
	});
});

describe('messages that repeat what was typed', () => {
	const hostile = 'ev\u001B]0;login\u0007il3';
	it.each([
		[['admin', 'add', hostile]],
		[['import', `--${hostile}`]],
		[[hostile]],
		[['import', '--demo-users', '5', '--id', hostile]],
	])('never play an escape sequence back to the terminal: %j', async (args) => {
		const {env} = tempHome();
		const result = await runCli(args, env);
		expect(result.code).toBe(2);
		expect(result.stderr.length).toBeGreaterThan(0);
		// eslint-disable-next-line no-control-regex
		expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
	});
});
