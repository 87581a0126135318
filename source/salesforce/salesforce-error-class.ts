import {renewalLoopMessage} from './connection.js';
import {SalesforceApiError} from './rest-get.js';
import {SalesforceFailure} from './salesforce-failure.js';

/**
 * What kind of failure a call to Salesforce met, decided from what the error is (its class, Salesforce's
 * errorCode, the OAuth error, the system's network code), never from the sentence it carries: Salesforce's
 * and our own words change, and a retry policy must not change with them.
 */
export type SalesforceErrorClass = {
	/** Salesforce's errorCode, the OAuth error, the network error code, ours (SalesforceFailure), or UNKNOWN. */
	code: string;
	/** Whether trying the same thing again, unchanged, may work (now or a little later). */
	retryable: boolean;
};

/** A class with the facts its wording needs (salesforce-error.ts); nothing here decides from them. */
export type SalesforceErrorReading = SalesforceErrorClass & {
	/** The failing origin where the error names one ("request to https://host/… failed"), else "the org". */
	target: string;
	/** The org's or the library's own sentence about it, the first sentence of its last line. */
	detail: string;
	/** The error's message as it came. */
	text: string;
	/** Set when the failure came while renewing the session: what the renewal ran into. */
	renewal?: string;
};

export const networkCodes = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENETDOWN',
	'EHOSTDOWN',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
]);

export const certificateCodes = new Set([
	'CERT_HAS_EXPIRED',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export const serverTroubleCodes = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'ERROR_HTTP_500', 'ERROR_HTTP_502', 'ERROR_HTTP_503', 'ERROR_HTTP_504']);

/** Codes of failures that trying again may cure; every other code is for a person to act on. */
const retryableCodes = new Set([
	...[...networkCodes].filter((code) => code !== 'ENOTFOUND'),
	'NETWORK_ERROR',
	'ABORTED',
	'rate_limit_exceeded',
	'REQUEST_LIMIT_EXCEEDED',
	'INVALID_QUERY_LOCATOR',
	'QUERY_TIMEOUT',
	...serverTroubleCodes,
]);

/** Codes of failures that only connecting again cures. */
export const reconnectCodes = new Set(['invalid_grant', 'INVALID_SESSION_ID', 'INVALID_AUTH_HEADER', 'REFRESH_FAILED', 'RENEWAL_LOOP', 'inactive_user']);

/** Errors that name no code of their own: only for these is a code looked for in what the library wrote. */
const unnamedErrors = new Set(['Error', '', 'TypeError', 'FetchError', 'NetworkError']);

// jsforce wraps a failed token renewal in a plain Error with only this to tell it by.
const refreshFailurePrefix = 'Unable to refresh session due to: ';
const codeInText = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/;

export function classifySalesforceError(error: unknown): SalesforceErrorClass {
	const {code, retryable} = readSalesforceError(error);
	return {code, retryable};
}

const byCode = (code: string) => ({code, retryable: retryableCodes.has(code)});

/** The class of the failure and the facts its words need. */
export function readSalesforceError(error: unknown): SalesforceErrorReading {
	if (!(error instanceof Error)) {
		const text = typeof error === 'string' ? error : '';
		return {code: 'UNKNOWN', retryable: false, target: 'the org', detail: detailOf(text), text};
	}

	const text = error.message;
	const facts = {target: targetOf(text), detail: detailOf(text), text};
	if (error instanceof SalesforceFailure) {
		return {code: error.code, retryable: error.retryable, ...facts};
	}

	// An answer of the org's with an errorCode is that code, whatever its words say.
	if (error instanceof SalesforceApiError) {
		return {...byCode(error.name), ...facts};
	}

	if (error.name === 'TimeoutError') {
		return {...byCode('ETIMEDOUT'), ...facts};
	}

	if (error.name === 'AbortError') {
		// Node's AbortSignal.timeout() rejects with an AbortError too; only its message tells the two apart.
		return {...byCode(/timeout/i.test(text) ? 'ETIMEDOUT' : 'ABORTED'), ...facts};
	}

	const cause = (error as {cause?: unknown}).cause;
	const systemCode = codeOf(error) ?? codeOf(cause);
	if (systemCode !== undefined && (certificateCodes.has(systemCode) || networkCodes.has(systemCode))) {
		return {...byCode(systemCode), ...facts};
	}

	if (!unnamedErrors.has(error.name)) {
		// jsforce names API errors by Salesforce's errorCode and OAuth errors by their `error`.
		return {...byCode(error.name), ...facts};
	}

	if (text.startsWith(refreshFailurePrefix)) {
		return readRenewalFailure(text.slice(refreshFailurePrefix.length));
	}

	if (text.includes('lightning URLs are not valid')) {
		return {...byCode('INVALID_INSTANCE_URL'), ...facts};
	}

	const textCode = systemCode ?? codeInText.exec(text)?.[1];
	if (textCode !== undefined && (certificateCodes.has(textCode) || networkCodes.has(textCode))) {
		return {...byCode(textCode), ...facts};
	}

	if (text === 'fetch failed' || error.name === 'FetchError' || error.name === 'NetworkError') {
		// fetch refuses the ports of well-known non-web services outright; no retry changes that.
		return {...byCode(/failed, reason: bad port$/.test(text) || text === 'bad port' ? 'BAD_PORT' : 'NETWORK_ERROR'), ...facts};
	}

	return {code: error.name === 'Error' || error.name === '' ? 'UNKNOWN' : error.name, retryable: false, ...facts};
}

function readRenewalFailure(inner: string): SalesforceErrorReading {
	const facts = {target: targetOf(inner), detail: detailOf(inner), text: inner, renewal: inner};
	if (inner.startsWith(renewalLoopMessage)) {
		return {...byCode('RENEWAL_LOOP'), ...facts};
	}

	if (/expired access\/refresh token|invalid_grant/i.test(inner)) {
		return {...byCode('invalid_grant'), ...facts};
	}

	const code = codeInText.exec(inner)?.[1];
	if (code !== undefined && (networkCodes.has(code) || certificateCodes.has(code))) {
		return {...byCode(code), ...facts};
	}

	if (inner === 'fetch failed') {
		return {...byCode('NETWORK_ERROR'), ...facts};
	}

	return {...byCode('REFRESH_FAILED'), ...facts};
}

function codeOf(value: unknown): string | undefined {
	return typeof value === 'object' && value !== null && typeof (value as {code?: unknown}).code === 'string' ? (value as {code: string}).code : undefined;
}

/** node-fetch says `request to https://host/path failed, reason: …`; the origin is what the admin can check. */
function targetOf(message: string): string {
	const url = /request to (\S+) failed/.exec(message)?.[1];
	if (url) {
		try {
			return new URL(url).origin;
		} catch {
			return url;
		}
	}

	return 'the org';
}

/**
 * Salesforce prefixes query errors with the query and a caret, and follows the sentence that matters with
 * generic advice about custom fields; the first sentence of the last line is what the admin needs.
 */
function detailOf(message: string): string {
	const lines = message
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	const last = lines.at(-1) ?? '';
	return (last.split(/(?<=\.)\s+(?=[A-Z])/)[0] ?? last).replace(/\.$/, '');
}
