import {execFileSync, spawn} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {CliResult} from './run-cli.js';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Whether a command runs here at all (its --help, say), for skip reasons. */
export function tryRun(command: string, args: string[]): boolean {
	try {
		execFileSync(command, args, {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
}

/**
 * Why a test about a second OS account cannot run here (undefined when it can): it needs root, to add a
 * throwaway account with useradd and run the binary as it with runuser.
 */
export const noSecondAccount: string | undefined =
	process.getuid?.() !== 0
		? 'not running as root, so no throwaway OS account can be made'
		: tryRun('useradd', ['--help']) && tryRun('runuser', ['--help'])
			? undefined
			: 'useradd or runuser is missing';

export type OsAccount = {name: string; uid: number; gid: number; run: (args: string[], env: NodeJS.ProcessEnv) => Promise<CliResult>; remove: () => void};

/** A throwaway OS account (no home, no login shell), and the salesscreen binary run as it. */
export function throwawayAccount(options: {groups?: string[]} = {}): OsAccount {
	const name = `ss${crypto.randomBytes(4).toString('hex')}`;
	execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', ...(options.groups?.length ? ['--groups', options.groups.join(',')] : []), name], {stdio: 'ignore'});
	const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
	const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
	return {
		name,
		uid,
		gid,
		async run(args, env) {
			const child = spawn('runuser', ['-u', name, '--', process.execPath, cliPath, ...args], {env: {...env, HOME: os.tmpdir(), USER: name}, stdio: ['ignore', 'pipe', 'pipe']});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => {
				stdout += chunk.toString();
			});
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			return new Promise((resolve) => {
				child.on('close', (code) => {
					resolve({code, stdout, stderr});
				});
			});
		},
		remove() {
			tryRun('userdel', [name]);
		},
	};
}

/** A throwaway group, for the shared-install setup. */
export function throwawayGroup(): {name: string; remove: () => void} {
	const name = `ssg${crypto.randomBytes(3).toString('hex')}`;
	execFileSync('groupadd', [name], {stdio: 'ignore'});
	return {name, remove: () => tryRun('groupdel', [name])};
}

/** Why a tiny tmpfs cannot be mounted here (undefined when it can): it needs mount privileges. */
export const noTmpfs: string | undefined = (() => {
	if (process.getuid?.() !== 0) {
		return 'not running as root, so no tmpfs can be mounted';
	}

	const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-mount-'));
	try {
		if (!tryRun('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])) {
			return 'mount -t tmpfs is not permitted here';
		}

		tryRun('umount', [probe]);
		return undefined;
	} finally {
		fs.rmSync(probe, {recursive: true, force: true});
	}
})();

/** A tmpfs of `size` (e.g. 2m) mounted on a fresh folder; remount it read-only or fill it up in a test. */
export function tinyTmpfs(size: string): {folder: string; readOnly: () => void; fill: () => void; remove: () => void} {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-tmpfs-'));
	execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', folder]);
	return {
		folder,
		readOnly() {
			execFileSync('mount', ['-o', 'remount,ro', folder]);
		},
		fill() {
			// Writes until the file system says it is full.
			tryRun('dd', ['if=/dev/zero', `of=${path.join(folder, 'filler')}`, 'bs=4k']);
		},
		remove() {
			tryRun('umount', ['-l', folder]);
			fs.rmSync(folder, {recursive: true, force: true});
		},
	};
}
