import type pg from 'pg';
import {lostConnectionError} from './postgres-connection-lost.js';
import type {LockHolder} from './write-lock.js';

/**
 * The key of PostgreSQL's counterpart of SQLite's write lock: a transaction-scoped advisory lock that every
 * run writer and every directory change takes, on every host, so that an import's plan-and-write never
 * interleaves with another's. (The migration lock of postgres-database.ts is a key of its own.)
 */
export const writeLockKey = 0x5a1e_5c4f;

/** How long a directory change waits for a running import before it gives up: SQLite's busy timeout. */
const waitMs = 5000;

// The holder says who it is in its session's application_name while it holds the lock: the one place
// another session can read without a table of its own. PostgreSQL keeps 63 bytes of it.
const tagPrefix = 'salesscreen writer ';

function tagOf(holder: LockHolder): string {
	return `${tagPrefix}${holder.mode} ${holder.startedAt} ${holder.operator}`.slice(0, 63);
}

function holderOf(tag: string | null | undefined): LockHolder | undefined {
	const match = tag?.startsWith(tagPrefix) ? /^(manual|auto|undo) (\S+) (.+)$/.exec(tag.slice(tagPrefix.length)) : null;
	return match ? {mode: match[1] as LockHolder['mode'], startedAt: match[2]!, operator: match[3]!} : undefined;
}

/** Who holds the write lock of this database now, when it is a salesscreen that said so. */
async function readHolder(client: pg.ClientBase): Promise<LockHolder | undefined> {
	const result = await client.query<{tag: string | null}>(
		`select a.application_name as tag from pg_locks l join pg_stat_activity a on a.pid = l.pid
		 where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid::bigint = $1 and l.objsubid = 1
		   and l.database = (select oid from pg_database where datname = current_database())`,
		[writeLockKey],
	);
	return holderOf(result.rows[0]?.tag);
}

async function inTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<{commit: boolean; value: T}>): Promise<T> {
	const client = await pool.connect();
	let broken: Error | undefined;
	try {
		await client.query('begin');
		const {commit, value} = await body(client);
		await client.query(commit ? 'commit' : 'rollback');
		return value;
	} catch (error: unknown) {
		if (lostConnectionError(error)) {
			broken = error instanceof Error ? error : new Error(String(error));
		} else {
			await client.query('rollback').catch(() => {});
		}

		throw error;
	} finally {
		client.release(broken);
	}
}

/**
 * Runs `work` in one transaction holding the write lock, or says at once who holds it. The work's writes
 * commit when it resolves and roll back, all of them, when it throws (or the process dies: the server
 * rolls back a transaction whose connection is gone, and lets go of its lock).
 */
export async function tryWithWriteLock<T>(
	pool: pg.Pool,
	holder: LockHolder,
	work: (client: pg.PoolClient) => Promise<T>,
): Promise<{acquired: true; value: T} | {acquired: false; holder: LockHolder | undefined}> {
	return inTransaction<{acquired: true; value: T} | {acquired: false; holder: LockHolder | undefined}>(pool, async (client) => {
		const locked = await client.query<{ok: boolean}>('select pg_try_advisory_xact_lock($1) as ok', [writeLockKey]);
		if (!locked.rows[0]?.ok) {
			return {commit: false, value: {acquired: false as const, holder: await readHolder(client)}};
		}

		await client.query("select set_config('application_name', $1, true)", [tagOf(holder)]);
		return {commit: true, value: {acquired: true as const, value: await work(client)}};
	});
}

/** Runs `work` in one transaction of its own, without the write lock: for writes no writer's plan depends on. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	return inTransaction(pool, async (client) => ({commit: true, value: await work(client)}));
}

/**
 * Runs `work` in one transaction holding the write lock, waiting for it as SQLite's busy timeout does;
 * a writer that holds it longer makes this fail with PostgreSQL's lock_not_available (55P03).
 */
export async function withWriteLock<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
	return inTransaction(pool, async (client) => {
		await client.query("select set_config('lock_timeout', $1, true)", [`${waitMs}ms`]);
		await client.query('select pg_advisory_xact_lock($1)', [writeLockKey]);
		return {commit: true, value: await work(client)};
	});
}
