import type {ChildProcess} from 'node:child_process';
import pg from 'pg';

/** One query on a connection of its own, closed after: how a test reads what the processes under test wrote. */
export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
	const client = new pg.Client({connectionString: url});
	await client.connect();
	try {
		return (await client.query<T>(text, values)).rows;
	} finally {
		await client.end();
	}
}

/** Resolves once the process has written a line matching `pattern` on standard error; rejects if it exits first. */
export async function saysOnStandardError(child: ChildProcess, pattern: RegExp): Promise<void> {
	let text = '';
	await new Promise<void>((resolve, reject) => {
		child.stderr!.on('data', (chunk: Buffer) => {
			text += chunk.toString();
			if (pattern.test(text)) {
				resolve();
			}
		});
		child.once('close', () => {
			reject(new Error(`exited without ${String(pattern)} on standard error:\n${text}`));
		});
	});
}
