import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();

/** Wrong usage is one line on standard error, naming the command, the flag and what it takes, and exit code 2. */
describe('salesscreen called wrongly', () => {
	it.each([
		[['import', '--bogus'], 'salesscreen import: unknown flag --bogus. Run salesscreen import --help.'],
		[['--bogus'], 'salesscreen: unknown flag --bogus. Run salesscreen --help.'],
		[['--demo-users', 'abc'], 'salesscreen: --demo-users takes a whole number of users from 1 to 1,000,000, not "abc". Run salesscreen --help.'],
		[['--demo-users', '-5'], 'salesscreen: --demo-users takes a whole number of users from 1 to 1,000,000, not "-5". Run salesscreen --help.'],
		[['import', '--all', '--demo-users', '2.5'], 'salesscreen import: --demo-users takes a whole number of users from 1 to 1,000,000, not "2.5". Run salesscreen import --help.'],
		[['import', '--all', '--demo-users', '100000000'], 'salesscreen import: --demo-users takes a whole number of users from 1 to 1,000,000, not "100000000". Run salesscreen import --help.'],
		[['import', '--all', '--demo-seed', 'abc'], 'salesscreen import: --demo-seed takes a number (the same seed gives the same users), not "abc". Run salesscreen import --help.'],
		[['history', '--limit'], 'salesscreen history: --limit needs a value: a whole number of runs, 1 or more. Run salesscreen history --help.'],
		[['history', '--limit', '--json'], 'salesscreen history: --limit needs a value: a whole number of runs, 1 or more. Run salesscreen history --help.'],
		[['history', '--limit', 'ten'], 'salesscreen history: --limit takes a whole number of runs, 1 or more, not "ten". Run salesscreen history --help.'],
		[['import', '--id', ''], 'salesscreen import: --id takes a Salesforce user id (005…), not an empty one. Run salesscreen import --help.'],
		[['import', '--id'], 'salesscreen import: --id needs a value: a Salesforce user id (005…). Run salesscreen import --help.'],
		[['import', '--all', '--json=yes'], 'salesscreen import: --json takes no value. Run salesscreen import --help.'],
		[['import', '--all', '--all'], 'salesscreen import: --all is given twice; give it once. Run salesscreen import --help.'],
		[['export'], 'salesscreen: unknown command "export". Run salesscreen --help.'],
		[['--demo-users', '0', 'import', '--all'], 'salesscreen import: --demo-users takes a whole number of users from 1 to 1,000,000, not "0". Run salesscreen import --help.'],
		[['--demo-users', '5', 'history'], 'salesscreen history: --demo-users chooses the org, and history does not use one. Run salesscreen history --help.'],
	])('%j', async (args, message) => {
		const {home, env} = tempHome();
		const result = await runCli(args, env);
		expect({code: result.code, stderr: result.stderr, stdout: result.stdout}).toEqual({code: 2, stderr: `${message}\n`, stdout: ''});
		// Refused before anything ran: not even the store was opened.
		expect(fs.existsSync(path.join(home, 'salesscreen.db'))).toBe(false);
	});

	it('honours an org flag given before the command', async () => {
		const {env} = tempHome();
		const result = await runCli(['--demo-users', '7', 'import', '--all', '--dry-run', '--json'], env);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const plan = JSON.parse(result.stdout) as {selected: number; outcomes: unknown[]};
		// Seven demo users, of whom the active Standard ones are selected: never the default org's 300.
		expect(plan.selected).toBeGreaterThan(0);
		expect(plan.selected).toBeLessThanOrEqual(7);
	});

	it('prints the version and each help with exit code 0', async () => {
		const {env} = tempHome();
		expect(await runCli(['--version'], env)).toEqual({code: 0, stdout: '0.1.0\n', stderr: ''});
		const help = await runCli(['history', '--help'], env);
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/^\n {2}Every import run, newest first/);
		expect(help.stdout).toContain('    $ salesscreen history [--json | --csv] [--limit N]\n');
		const main = await runCli(['--help'], env);
		expect(main.stdout).toMatch(/^ {4}\$ salesscreen import --help {8}Import users from a script$/m);
	});
});
