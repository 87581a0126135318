import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';
import {readStore} from '../support/read-store.js';

const tempHome = tempHomesPerTest();

/** A store whose one admin is alice, and the environments of alice and of carol, who is not one. */
async function storeWithAdmin() {
	const {home, env} = tempHome();
	const added = await runCli(['admin', 'add', 'alice', '--name', 'Alice Admin', '--email', 'alice@acme.com'], env);
	expect(added).toMatchObject({code: 0, stdout: 'Alice Admin <alice@acme.com> (OS login alice) is added as a new person.\n'});
	return {home, env, alice: {...env, SALESSCREEN_OPERATOR: 'alice'}, carol: {...env, SALESSCREEN_OPERATOR: 'carol'}};
}

describe('salesscreen admin', () => {
	it('lists nobody on a fresh store, lets anyone add the first admin, then only admins add more', async () => {
		const {home, env} = tempHome();
		expect((await runCli(['admin', 'list'], env)).stdout).toMatch(/^No admin yet/);
		await runCli(['admin', 'add', 'alice', '--name', 'Alice Admin', '--email', 'alice@acme.com'], env);
		const carol = {...env, SALESSCREEN_OPERATOR: 'carol'};
		const refused = await runCli(['admin', 'add', 'carol', '--name', 'Carol', '--email', 'carol@acme.com'], carol);
		expect(refused.code).toBe(3);
		expect(refused.stderr).toBe(
			'salesscreen: not an admin: Only an admin may make people admins. No person here has your OS login "carol". Ask Alice Admin (alice) to make you one.\n',
		);

		const alice = {...env, SALESSCREEN_OPERATOR: 'alice'};
		expect(await runCli(['admin', 'add', 'carol', '--name', 'Carol', '--email', 'carol@acme.com', '--json'], alice)).toMatchObject({code: 0});
		expect((await runCli(['admin', 'list'], carol)).stdout).toBe('alice\tAlice Admin\ncarol\tCarol\n');
		expect(JSON.parse((await runCli(['admin', 'list', '--json'], env)).stdout)).toEqual([
			{login: 'alice', name: 'Alice Admin'},
			{login: 'carol', name: 'Carol'},
		]);
		expect(readStore(home, "select name, email, role, os_login as login from people where os_login = 'carol'")).toEqual([{name: 'Carol', email: 'carol@acme.com', role: 'admin', login: 'carol'}]);
	});

	it.each([
		[['admin'], /Use: salesscreen admin add LOGIN/],
		[['admin', 'add'], /Use: salesscreen admin add LOGIN/],
		[['admin', 'list', 'extra'], /Use: salesscreen admin add LOGIN/],
		[['admin', 'add', 'dave'], /No person has the OS login "dave" yet: give their name and email/],
		[['admin', 'add', 'dave', '--name', 'Dave', '--email', 'not-an-email'], /is not an email address/],
		[['admin', 'add', 'has space', '--name', 'D', '--email', 'd@acme.com'], /cannot be an OS login/],
		[['admin', 'list', '--nmae', 'x'], /unknown flag --nmae/],
	])('says what is wrong with %j and exits 2', async (args, message) => {
		const {env} = tempHome();
		const result = await runCli(args, env);
		expect(result.code).toBe(2);
		expect(result.stderr + result.stdout).toMatch(message);
	});
});

describe('an operator who is not an admin, on the command line', () => {
	it('is refused every change with exit code 3 and the reason, and may still read', async () => {
		const {home, carol} = await storeWithAdmin();
		const changes: string[][] = [
			['import', '--all'],
			['sync'],
			['settings', 'set', 'auto-sync', 'on'],
			['settings', 'set', 'team-from-salesforce', 'role'],
			['connect', 'token', '--instance-url', 'https://acme.my.salesforce.com', '--access-token', 'nope'],
			['disconnect'],
			['undo'],
			['admin', 'add', 'carol', '--name', 'Carol', '--email', 'carol@acme.com'],
		];
		// Each is refused before it reads the org or writes anything, so they may run side by side.
		const refused = await Promise.all(changes.map(async (args) => runCli(args, carol)));
		for (const [index, result] of refused.entries()) {
			expect([changes[index], result.code]).toEqual([changes[index], 3]);
			expect(result.stderr).toMatch(/^salesscreen: not an admin: Only an admin may .+\. No person here has your OS login "carol"\. Ask Alice Admin \(alice\) to make you one\.\n$/);
		}

		expect(readStore(home, 'select * from import_runs')).toEqual([]);
		const reads: string[][] = [['import', '--all', '--dry-run', '--json', '--demo-users', '300'], ['sync', '--dry-run'], ['history'], ['settings', 'get'], ['admin', 'list'], ['settings', 'set', 'page-size', '25']];
		const results = await Promise.all(reads.map(async (args) => runCli(args, carol)));
		for (const [index, result] of results.entries()) {
			expect([reads[index], result.code, result.stderr]).toEqual([reads[index], 0, '']);
		}
	}, 120_000);

	it('lets an admin import and change settings, and lets the account that owns the data folder run sync from cron', async () => {
		const {home, env, alice} = await storeWithAdmin();
		expect((await runCli(['settings', 'set', 'auto-sync', 'on'], alice)).code).toBe(0);
		// No SALESSCREEN_OPERATOR: the OS account running this test owns the data folder, as cron's account would.
		const sync = await runCli(['sync', '--demo-users', '300', '--json'], env);
		expect(sync.stderr).toBe('');
		expect(sync.code).toBe(0);
		expect(readStore(home, 'select mode, status from import_runs')).toEqual([{mode: 'auto', status: 'completed'}]);
	});
});

describe('a shared install', () => {
	it('creates its files for the folder\'s group when the folder is setgid and open to the group', async () => {
		const {home, env} = tempHome();
		fs.chmodSync(home, 0o2770);
		expect((await runCli(['admin', 'list'], env)).code).toBe(0);
		expect((await runCli(['settings', 'set', 'page-size', '20'], env)).code).toBe(0);
		for (const name of ['salesscreen.db', 'settings.json']) {
			expect([name, fs.statSync(path.join(home, name)).mode & 0o777]).toEqual([name, 0o660]);
		}
	});
});
