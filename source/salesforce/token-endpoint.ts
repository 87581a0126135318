import type {z} from 'zod';
import {insecureUrlReason} from '../core/secure-url.js';
import {oauthError, tokenResponse} from './answer-schemas.js';
import {callLimitsFromEnvironment, requestTimedOut, requestTimeoutFor, type CallLimits} from './call-limits.js';
import {SalesforceFailure} from './salesforce-failure.js';
import {answerPreview, parseAnswer} from './unexpected-answer.js';

/** What Salesforce's token endpoint answers on success, whatever the grant. */
export type TokenResponse = z.infer<typeof tokenResponse>;

/**
 * An OAuth error as the token endpoint words it. Named by its `error` field, the way jsforce names the
 * errors it throws, so one describer handles both.
 */
export class OAuthError extends Error {
	constructor(
		readonly error: string,
		description: string,
		readonly status: number,
	) {
		super(description || error);
		this.name = error;
	}
}

/** Refuses to send anything to an address that is not HTTPS (outside this machine). */
export function assertSecureUrl(url: URL): void {
	const insecure = insecureUrlReason(url);
	if (insecure !== undefined) {
		throw new SalesforceFailure('INSECURE_URL', insecure, false);
	}
}

export type TokenRequestOptions<T> = {
	/** What is asked, for messages: "a session for the signed assertion". */
	asked: string;
	/** The shape of a successful answer (a token response unless given). */
	schema?: z.ZodType<T>;
	signal?: AbortSignal;
	limits?: CallLimits;
};

/** POSTs a form to `<loginUrl>/services/oauth2/token` and returns the checked answer, or throws an OAuthError. */
export async function postTokenRequest<T = TokenResponse>(loginUrl: string, parameters: Record<string, string>, options: TokenRequestOptions<T>): Promise<T> {
	const url = new URL('/services/oauth2/token', loginUrl);
	assertSecureUrl(url);
	const limits = options.limits ?? callLimitsFromEnvironment(process.env);
	const milliseconds = requestTimeoutFor('token', limits);
	const timeout = new AbortController();
	const timer = setTimeout(() => {
		timeout.abort(requestTimedOut('token', url.origin, options.asked, milliseconds));
	}, milliseconds);
	const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
			body: new URLSearchParams(parameters).toString(),
			signal,
		});
		const text = await response.text();
		if (!response.ok) {
			let body: unknown;
			try {
				body = JSON.parse(text);
			} catch {
				body = undefined;
			}

			const parsed = oauthError.safeParse(body);
			throw parsed.success
				? new OAuthError(parsed.data.error, answerPreview(parsed.data.error_description ?? '', 400), response.status)
				: new OAuthError(`ERROR_HTTP_${response.status}`, answerPreview(text, 200), response.status);
		}

		const schema = (options.schema ?? tokenResponse) as z.ZodType<T>;
		return parseAnswer({target: url.origin, asked: options.asked}, {status: response.status, contentType: response.headers.get('content-type'), text}, schema);
	} catch (error: unknown) {
		throw timeout.signal.aborted && !options.signal?.aborted ? timeout.signal.reason : error;
	} finally {
		clearTimeout(timer);
	}
}

/** …/id/<org id>/<user id> → the two ids. */
export function idsFromIdentityUrl(identityUrl: string): {orgId: string; userId: string} {
	const [orgId = '', userId = ''] = new URL(identityUrl).pathname.split('/').slice(-2);
	return {orgId, userId};
}
