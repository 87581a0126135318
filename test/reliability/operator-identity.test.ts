import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it, afterEach} from 'vitest';
import {noSecondAccount, throwawayAccount, throwawayGroup} from '../support/os-account.js';
import {runCli} from '../support/run-cli.js';
import {readStore} from '../support/read-store.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();
const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0).reverse()) {
		cleanup();
	}
});

describe('who owns the store', () => {
	it.skipIf(noSecondAccount !== undefined)(
		`is decided by the database file, symlinks resolved: a group member's own folder with a symlink to the shared store gains nothing${noSecondAccount ? ` (skipped: ${noSecondAccount})` : ''}`,
		async () => {
			const {home: root} = tempHome();
			fs.chmodSync(root, 0o755);
			const group = throwawayGroup();
			cleanups.push(group.remove);
			const member = throwawayAccount({groups: [group.name]});
			cleanups.push(member.remove);

			// The documented shared install: a setgid folder open to the group; its owner (here root) is an admin.
			const shared = path.join(root, 'shared');
			fs.mkdirSync(shared);
			fs.chownSync(shared, 0, Number(fs.readFileSync('/etc/group', 'utf8').split('\n').find((line) => line.startsWith(`${group.name}:`))!.split(':')[2]));
			fs.chmodSync(shared, 0o2770);
			const sharedEnv = {...process.env, SALESSCREEN_HOME: shared};
			expect((await runCli(['admin', 'add', 'root', '--name', 'Root Admin', '--email', 'root@acme.test'], sharedEnv)).code).toBe(0);

			// The member's own folder, holding only a symlink to the shared database.
			const own = path.join(root, 'own');
			fs.mkdirSync(own, {mode: 0o700});
			fs.chownSync(own, member.uid, member.gid);
			fs.symlinkSync(path.join(shared, 'salesscreen.db'), path.join(own, 'salesscreen.db'));

			const env = {PATH: process.env.PATH, SALESSCREEN_HOME: own, SALESSCREEN_OPERATOR: 'root'};
			const attempt = await member.run(['admin', 'add', member.name, '--name', 'Mallory', '--email', 'mallory@acme.test'], env);
			expect(attempt.stderr).toMatch(new RegExp(`^salesscreen: not an admin: .*No person here has your OS login "${member.name}"`));
			expect(attempt.code).toBe(3);
			expect(readStore<{login: string}>(shared, "select os_login as login from people where role = 'admin'")).toEqual([{login: 'root'}]);

			// Through the shared folder itself the member is who they are, too: the file is not theirs.
			const direct = await member.run(['admin', 'add', member.name, '--name', 'Mallory', '--email', 'mallory@acme.test'], {...env, SALESSCREEN_HOME: shared});
			expect(direct.code).toBe(3);
		},
	);
});
