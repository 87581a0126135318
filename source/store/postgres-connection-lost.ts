import {postgresFailure} from './postgres-database.js';

function codeOf(error: unknown): string | undefined {
	const code = (error as {code?: unknown} | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

/**
 * The error that says the connection is gone, or undefined: the server's admin or crash shutdown and
 * cannot-connect-now (57P0x) and connection exceptions (08xxx), told by a server's error (it has a
 * severity); the socket's own errors (ECONNRESET, ECONNREFUSED, …: no SQLSTATE is all capitals after an
 * E), and node-postgres's words for a socket that simply closed. Looked for under drizzle's wrapping
 * (its cause), whose own message is the failed SQL. A Salesforce call's socket error would match too:
 * no port method calls Salesforce (a run lists its users before it takes the write lock).
 */
export function lostConnectionError(error: unknown): Error | undefined {
	let cause: unknown = error;
	for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
		const code = codeOf(cause);
		const fromServer = code !== undefined && /^(57P0|08)/.test(code) && 'severity' in cause;
		const fromSocket = code !== undefined && /^E[A-Z]+$/.test(code);
		const fromDriver = code === undefined && /Connection terminated|not queryable|timeout exceeded when trying to connect/i.test(cause.message);
		if (fromServer || fromSocket || fromDriver) {
			return cause;
		}

		cause = cause.cause;
	}

	return undefined;
}

type AnyFunction = (...args: never[]) => unknown;

/**
 * The port with every method's lost connection said in words naming the store (postgresFailure: its
 * server stopped, what was under way was not written, run it again): without this the app would show
 * node-postgres's "Connection terminated unexpectedly", or PostgreSQL's "terminating connection due to
 * administrator command", as all it knows. Every other error passes as it was thrown.
 */
export function sayingLostConnection<T extends Record<string, unknown>>(port: T, name: string): T {
	const said = {} as Record<string, unknown>;
	for (const [key, value] of Object.entries(port)) {
		said[key] =
			typeof value === 'function'
				? async (...args: Parameters<AnyFunction>) => {
						try {
							return await (value as AnyFunction)(...args);
						} catch (error: unknown) {
							const lost = lostConnectionError(error);
							throw lost ? postgresFailure(name, lost) : error;
						}
					}
				: value;
	}

	return said as T;
}
