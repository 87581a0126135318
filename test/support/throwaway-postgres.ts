import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {tryRun} from './os-account.js';

/**
 * A PostgreSQL cluster of a test's own, which the test may stop and start again: the server that
 * `.ci/with-postgres` shares with every test must never be stopped. Built as that script builds its own:
 * initdb in a temporary folder, pg_ctl on a free local port, and, as root, the server run as the
 * unprivileged postgres account (the server refuses to run as root).
 */
export type ThrowawayPostgres = {
	/** postgres://postgres@127.0.0.1:PORT/postgres */
	url: string;
	/** `fast` ends every session with "terminating connection due to administrator command"; `immediate` drops them. */
	stop: (mode: 'fast' | 'immediate') => void;
	/** Starts it again after stop (nothing when it runs), and waits until it accepts connections. */
	start: () => void;
	remove: () => void;
};

function findBinary(name: string): string | undefined {
	try {
		return execFileSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'}).trim() || undefined;
	} catch {
		const versions = fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
		return versions.map((version) => path.join('/usr/lib/postgresql', version, 'bin', name)).find((file) => fs.existsSync(file));
	}
}

const binaries = {initdb: findBinary('initdb'), pgCtl: findBinary('pg_ctl')};
const asRoot = process.getuid?.() === 0;

/** Why no cluster of a test's own can be made here (undefined when it can). */
export const noThrowawayPostgres: string | undefined =
	binaries.initdb === undefined || binaries.pgCtl === undefined
		? 'the PostgreSQL server binaries (initdb, pg_ctl) are not installed (apt-get install postgresql)'
		: asRoot && !tryRun('runuser', ['--help'])
			? 'running as root without runuser, so the server cannot run as an unprivileged account'
			: undefined;

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => {
				resolve(port);
			});
		});
	});
}

/** initdb and pg_ctl start; remove() stops it and deletes its folder. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
	if (noThrowawayPostgres) {
		throw new Error(`startThrowawayPostgres: ${noThrowawayPostgres}`);
	}

	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'salesscreen-own-pg-'));
	const data = path.join(folder, 'data');
	const runAs: string[] = [];
	if (asRoot) {
		if (!tryRun('id', ['-u', 'postgres'])) {
			execFileSync('useradd', ['--system', '--no-create-home', 'postgres'], {stdio: 'ignore'});
		}

		fs.chownSync(folder, Number(execFileSync('id', ['-u', 'postgres'], {encoding: 'utf8'}).trim()), fs.statSync(folder).gid);
		runAs.push('runuser', '-u', 'postgres', '--');
	}

	const run = (binary: string, args: string[]) => {
		const [command, ...rest] = [...runAs, binary, ...args];
		execFileSync(command!, rest, {stdio: ['ignore', 'ignore', 'pipe']});
	};

	run(binaries.initdb!, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
	const port = await freePort();
	const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off`;
	let running = false;
	const start = () => {
		if (running) {
			return;
		}

		run(binaries.pgCtl!, ['-D', data, '-l', path.join(folder, 'server.log'), '-w', '-o', options, 'start']);
		running = true;
	};

	const stop = (mode: 'fast' | 'immediate') => {
		run(binaries.pgCtl!, ['-D', data, '-m', mode, '-w', 'stop']);
		running = false;
	};

	start();
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop,
		start,
		remove() {
			if (running) {
				stop('immediate');
			}

			fs.rmSync(folder, {recursive: true, force: true});
		},
	};
}
