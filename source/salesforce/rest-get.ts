import type {Connection} from 'jsforce';
import type {z} from 'zod';
import {apiErrors} from './answer-schemas.js';
import {callLimitsOf, requestTimedOut, requestTimeoutFor, type CallKind} from './call-limits.js';
import {answerPreview, parseAnswer} from './unexpected-answer.js';

export type RestGetOptions<T> = {
	/** The shape the answer must have; anything else fails in words. */
	schema: z.ZodType<T>;
	/** What is asked, for messages: "a page of the org's users". */
	asked: string;
	/** Which kind of work this request is part of, which sets its time-out. */
	kind: CallKind;
	headers?: Record<string, string>;
	signal?: AbortSignal;
};

/** A request other than a plain JSON GET: a Bulk API 2.0 job is created with a POST, its results come as CSV. */
export type RestRequestOptions = Omit<RestGetOptions<unknown>, 'schema'> & {method?: 'GET' | 'POST'; body?: unknown; accept?: string};

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

async function errorFrom(response: Response): Promise<SalesforceApiError> {
	const text = await response.text().catch(() => '');
	try {
		const parsed = apiErrors.safeParse(JSON.parse(text));
		if (parsed.success) {
			const [first] = parsed.data;
			return new SalesforceApiError(first!.errorCode, answerPreview(first!.message ?? first!.errorCode, 400), response.status);
		}
	} catch {
		// Not Salesforce's JSON: a proxy's or a load balancer's page, named by its status below.
	}

	return new SalesforceApiError(`ERROR_HTTP_${response.status}`, answerPreview(text, 200) || response.statusText, response.status);
}

/**
 * One GET of the REST API with the connection's session, over Node's own fetch rather than jsforce's
 * request: jsforce 3.10 never settles a request whose body is cut off mid-way (it pipes the body without
 * its errors), and cannot be cancelled. An expired session is renewed once through jsforce, which owns
 * the tokens and caps renewals; the API usage header is kept on the connection as jsforce would. The
 * answer is checked against its schema before anyone reads it.
 */
export async function restGet<T>(connection: Connection, path: string, options: RestGetOptions<T>): Promise<T> {
	const url = new URL(path, connection.instanceUrl);
	const answer = await restGetBody(connection, path, options);
	return parseAnswer({target: url.origin, asked: options.asked}, {status: answer.status, contentType: answer.contentType, text: new TextDecoder().decode(answer.bytes)}, options.schema);
}

/** A successful answer's body as it came, for a caller that checks it elsewhere (a page of users, in a worker). */
export type AnswerBody = {status: number; contentType: string | null; bytes: ArrayBuffer};

/** restGet without the reading: the same session, renewal, time-out and errors, the body left as bytes. */
export async function restGetBody(connection: Connection, path: string, options: Omit<RestGetOptions<unknown>, 'schema'>): Promise<AnswerBody> {
	const {headers: _headers, ...body} = await restRequest(connection, path, options);
	return body;
}

/** Any one request of the REST API, with restGetBody's session, renewal, time-out and errors; the answer's headers too. */
export async function restRequest(connection: Connection, path: string, options: RestRequestOptions): Promise<AnswerBody & {headers: Headers}> {
	const url = new URL(path, connection.instanceUrl);
	try {
		return await requestOnce(connection, url, options);
	} catch (error: unknown) {
		// fetch reports network trouble as a TypeError, which retry libraries take for a bug and never retry.
		throw error instanceof TypeError ? new NetworkError(error, url.toString()) : error;
	}
}

async function requestOnce(connection: Connection, url: URL, options: RestRequestOptions): Promise<AnswerBody & {headers: Headers}> {
	const json = options.body !== undefined;
	for (let attempt = 1; ; attempt++) {
		const sentAt = Date.now();
		const milliseconds = requestTimeoutFor(options.kind, callLimitsOf(connection));
		const timeout = new AbortController();
		const timer = setTimeout(() => {
			timeout.abort(requestTimedOut(options.kind, url.origin, options.asked, milliseconds));
		}, milliseconds);
		const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
		try {
			// eslint-disable-next-line no-await-in-loop
			const response = await fetch(url, {
				method: options.method ?? 'GET',
				headers: {...options.headers, ...(json ? {'Content-Type': 'application/json'} : {}), Authorization: `Bearer ${connection.accessToken}`, Accept: options.accept ?? 'application/json'},
				body: json ? JSON.stringify(options.body) : undefined,
				signal,
			});
			const usage = /api-usage=(\d+)\/(\d+)/.exec(response.headers.get('sforce-limit-info') ?? '');
			if (usage) {
				connection.limitInfo = {apiUsage: {used: Number(usage[1]), limit: Number(usage[2])}};
			}

			if (response.ok) {
				// eslint-disable-next-line no-await-in-loop
				const bytes = await response.arrayBuffer();
				return {status: response.status, contentType: response.headers.get('content-type'), bytes, headers: response.headers};
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

			// eslint-disable-next-line no-await-in-loop
			throw await errorFrom(response);
		} catch (error: unknown) {
			// fetch rejects with the signal's reason; the time-out's says which limit ran out and where.
			throw timeout.signal.aborted && !options.signal?.aborted ? timeout.signal.reason : error;
		} finally {
			clearTimeout(timer);
		}
	}
}
