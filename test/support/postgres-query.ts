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

/** What a user would see of the store: committed rows only, as every other session reads them. */
export async function storeState(url: string) {
	const [state] = await query<{people: number; links: number; outcomes: number; runs: number; completedRuns: number; failedRuns: number; unlinked: number}>(
		url,
		`select (select count(*) from people)::int as people,
			(select count(*) from salesforce_links)::int as links,
			(select count(*) from import_outcomes)::int as outcomes,
			(select count(*) from import_runs)::int as runs,
			(select count(*) from import_runs where status = 'completed')::int as "completedRuns",
			(select count(*) from import_runs where status = 'failed')::int as "failedRuns",
			(select count(*) from people p where p.origin = 'salesforce'
				and not exists (select 1 from salesforce_links l where l.person_id = p.id))::int as unlinked`,
	);
	return state!;
}

/**
 * Bytes of the outcomes table on disk: rows a transaction has written but not committed take pages
 * already, so growth means a run is between its first outcome row and its commit.
 */
export async function outcomesBytes(url: string): Promise<number> {
	const [row] = await query<{bytes: string}>(url, "select pg_relation_size('import_outcomes') as bytes");
	return Number(row!.bytes);
}

/** Polls `condition` (every few milliseconds, for at most 30 seconds) until it holds. */
export async function poll(condition: () => Promise<boolean>, what: string): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (!(await condition())) {
		if (Date.now() > deadline) {
			throw new Error(`never saw ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 2);
		});
	}
}
