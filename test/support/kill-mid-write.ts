import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {openStore} from '../../source/store/database.js';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * Runs the binary and SIGKILLs it as soon as its run has started writing: SQLite spills the open
 * transaction's pages into the write-ahead log, so a growing log means the run is between its first
 * write and its commit. Resolves to the log's size before and after.
 */
export async function killOnceWriting(args: string[], home: string, env: NodeJS.ProcessEnv): Promise<{before: number; after: number}> {
	const wal = path.join(home, 'salesscreen.db-wal');
	const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
	const before = walSize();
	const child = spawn(process.execPath, [cliPath, ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
	const closed = new Promise((resolve) => {
		child.once('close', resolve);
	});
	const deadline = Date.now() + 30_000;
	while (walSize() < before + 256 * 1024 && Date.now() < deadline) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 2);
		});
	}

	child.kill('SIGKILL');
	await closed;
	return {before, after: walSize()};
}

/** Counts rows the way the app will see them next: opening the store replays the log, as after a crash. */
export function countAfterCrash<K extends string>(home: string, queries: Record<K, string>): Record<K, number> {
	const store = openStore(path.join(home, 'salesscreen.db'));
	try {
		const counts = {} as Record<K, number>;
		for (const key of Object.keys(queries) as K[]) {
			counts[key] = (store.sqlite.prepare(queries[key]).get() as {n: number}).n;
		}

		return counts;
	} finally {
		store.close();
	}
}
