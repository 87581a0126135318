import type {Connection} from 'jsforce';

export type RestGetOptions = {
	headers?: Record<string, string>;
	signal?: AbortSignal;
	/** Gives up on an answer that has not fully arrived by then (default two minutes). */
	timeoutMs?: number;
};

/** A REST error as jsforce names them, by Salesforce's errorCode, so that one describer handles both. */
export class SalesforceApiError extends Error {
	constructor(
		code: string,
		message: string,
		readonly status: number,
	) {
		super(message);
		this.name = code;
	}
}

/** The network failed under a request (refused, reset, cut off mid-body); named by the system's code. */
export class NetworkError extends Error {
	override name = 'NetworkError';
	readonly code: string | undefined;
	constructor(error: TypeError, url: string) {
		const cause = error.cause as {code?: string; message?: string} | undefined;
		// Worded as node-fetch words it, which the error describer reads the failing origin from.
		super(`request to ${url} failed, reason: ${cause?.message ?? error.message}`, {cause});
		this.code = cause?.code;
	}
}

const defaultTimeoutMs = 120_000;

async function errorFrom(response: Response): Promise<SalesforceApiError> {
	const text = await response.text().catch(() => '');
	try {
		const [first] = JSON.parse(text) as Array<{errorCode?: string; message?: string}>;
		if (first?.errorCode) {
			return new SalesforceApiError(first.errorCode, first.message ?? first.errorCode, response.status);
		}
	} catch {
		// Not Salesforce's JSON: a proxy's or a load balancer's page, named by its status below.
	}

	return new SalesforceApiError(`ERROR_HTTP_${response.status}`, text.slice(0, 200) || response.statusText, response.status);
}

/**
 * One GET of the REST API with the connection's session, over Node's own fetch rather than jsforce's
 * request: jsforce 3.10 never settles a request whose body is cut off mid-way (it pipes the body without
 * its errors), and cannot be cancelled. An expired session is renewed once through jsforce, which owns
 * the tokens and caps renewals; the API usage header is kept on the connection as jsforce would.
 */
export async function restGet<T>(connection: Connection, path: string, options: RestGetOptions = {}): Promise<T> {
	try {
		return await getOnce<T>(connection, path, options);
	} catch (error: unknown) {
		// fetch reports network trouble as a TypeError, which retry libraries take for a bug and never retry.
		throw error instanceof TypeError ? new NetworkError(error, new URL(path, connection.instanceUrl).toString()) : error;
	}
}

async function getOnce<T>(connection: Connection, path: string, options: RestGetOptions): Promise<T> {
	const timeout = AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs);
	const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
	const url = new URL(path, connection.instanceUrl).toString();
	for (let attempt = 1; ; attempt++) {
		const sentAt = Date.now();
		// eslint-disable-next-line no-await-in-loop
		const response = await fetch(url, {headers: {...options.headers, Authorization: `Bearer ${connection.accessToken}`, Accept: 'application/json'}, signal});
		const usage = /api-usage=(\d+)\/(\d+)/.exec(response.headers.get('sforce-limit-info') ?? '');
		if (usage) {
			connection.limitInfo = {apiUsage: {used: Number(usage[1]), limit: Number(usage[2])}};
		}

		if (response.ok) {
			// eslint-disable-next-line no-await-in-loop
			return (await response.json()) as T;
		}

		const renew = connection._refreshDelegate;
		if (response.status === 401 && renew) {
			// eslint-disable-next-line no-await-in-loop
			await response.body?.cancel();
			if (attempt > 1) {
				// Renewing again would only loop: the org refuses the sessions it issues.
				throw new SalesforceApiError(
					'RENEWAL_LOOP',
					"Salesforce refused a session it had just issued; it may have revoked this connected app's access. Test the connection, then reconnect",
					401,
				);
			}

			// eslint-disable-next-line no-await-in-loop
			await renew.refresh(sentAt);
			continue;
		}

		throw await errorFrom(response);
	}
}
