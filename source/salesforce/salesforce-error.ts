import {renewalLoopMessage} from './connection.js';
import {SalesforceFailure} from './salesforce-failure.js';

export type SalesforceErrorDescription = {
	/** Salesforce's errorCode, the OAuth error, the network error code, or UNKNOWN. */
	code: string;
	/** One sentence an admin understands, with what to do where that is known. */
	message: string;
	/** Whether trying the same thing again, unchanged, may work (now or a little later). */
	retryable: boolean;
};

type ErrorFacts = {name: string; message: string; code: string | undefined; target: string};

const networkCodes = new Set([
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

const certificateCodes = new Set([
	'CERT_HAS_EXPIRED',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const queryBugCodes = new Set(['MALFORMED_QUERY', 'NUMBER_OUTSIDE_VALID_RANGE', 'INVALID_QUERY_FILTER_OPERATOR']);
const serverTroubleCodes = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'ERROR_HTTP_500', 'ERROR_HTTP_502', 'ERROR_HTTP_503', 'ERROR_HTTP_504']);
/** Codes of failures that only connecting again cures. */
export const reconnectCodes = new Set(['invalid_grant', 'INVALID_SESSION_ID', 'INVALID_AUTH_HEADER', 'REFRESH_FAILED', 'RENEWAL_LOOP', 'inactive_user']);

const refreshFailurePrefix = 'Unable to refresh session due to: ';

/**
 * Turns whatever jsforce, the network or the OAuth endpoint threw into one sentence for an admin.
 * jsforce names API errors by Salesforce's errorCode (`error.name === 'INVALID_SESSION_ID'`), OAuth errors
 * by their `error` (`invalid_grant`), and wraps a failed token renewal in a plain Error whose message
 * starts "Unable to refresh session due to:".
 */
export function describeSalesforceError(error: unknown): SalesforceErrorDescription {
	if (error instanceof SalesforceFailure) {
		return {code: error.code, message: error.message, retryable: error.retryable};
	}

	const facts = factsOf(error);
	if (facts.message.startsWith(refreshFailurePrefix)) {
		return describeRefreshFailure(facts.message.slice(refreshFailurePrefix.length));
	}

	if (facts.message.includes('lightning URLs are not valid')) {
		return {
			code: 'INVALID_INSTANCE_URL',
			message: "The instance URL is a Lightning address (lightning.force.com); use the org's my.salesforce.com address instead.",
			retryable: false,
		};
	}

	return (
		describeNetworkError(facts) ??
		describeOAuthError(facts.name, detailOf(facts.message)) ??
		describeApiError(facts.name, detailOf(facts.message)) ?? {
			code: facts.name === 'Error' || facts.name === '' ? 'UNKNOWN' : facts.name,
			message: facts.message || 'Something unexpected went wrong.',
			retryable: false,
		}
	);
}

function factsOf(error: unknown): ErrorFacts {
	if (!(error instanceof Error)) {
		return {name: 'UNKNOWN', message: typeof error === 'string' ? error : '', code: undefined, target: 'the org'};
	}

	const cause = (error as {cause?: unknown}).cause;
	const codeOf = (value: unknown) => (typeof value === 'object' && value !== null && typeof (value as {code?: unknown}).code === 'string' ? (value as {code: string}).code : undefined);
	const code = codeOf(error) ?? codeOf(cause) ?? /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(error.message)?.[1];
	return {name: error.name, message: error.message, code, target: targetOf(error.message)};
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

function describeNetworkError(facts: ErrorFacts): SalesforceErrorDescription | undefined {
	const {code, target} = facts;
	if (facts.name === 'TimeoutError') {
		return {code: 'ETIMEDOUT', message: `${target} did not answer in time; check the network connection and try again.`, retryable: true};
	}

	if (facts.name === 'AbortError') {
		return /timeout/i.test(facts.message)
			? {code: 'ETIMEDOUT', message: `${target} did not answer in time; check the network connection and try again.`, retryable: true}
			: {code: 'ABORTED', message: 'The request was cancelled.', retryable: true};
	}

	if (code !== undefined && certificateCodes.has(code)) {
		return {
			code,
			message: `The TLS certificate of ${target} is not trusted (${code}); behind a company proxy, point NODE_EXTRA_CA_CERTS at the proxy's certificate authority.`,
			retryable: false,
		};
	}

	if (code === undefined || !networkCodes.has(code)) {
		if (facts.message === 'fetch failed' || facts.name === 'FetchError' || facts.name === 'NetworkError') {
			const reason = /failed, reason: (.*)$/.exec(facts.message)?.[1] ?? facts.message;
			if (reason === 'bad port') {
				// fetch refuses the ports of well-known non-web services outright; no retry changes that.
				return {code: 'BAD_PORT', message: `${target} uses a port that HTTP clients refuse to connect to; check the instance URL.`, retryable: false};
			}

			return {code: 'NETWORK_ERROR', message: `Could not reach ${target} (${reason}); check the network connection and the instance URL.`, retryable: true};
		}

		return undefined;
	}

	switch (code) {
		case 'ECONNREFUSED': {
			return {
				code,
				message: `Nothing answers at ${target} (connection refused); check the instance URL, and for the demo org that it is still running.`,
				retryable: true,
			};
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return {
				code,
				message: `The host of ${target} cannot be found (DNS lookup failed); check the instance URL and this machine's network connection.`,
				retryable: code === 'EAI_AGAIN',
			};
		}

		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET': {
			return {
				code,
				message: `The connection to ${target} was cut off; try again, and if it keeps happening check for a proxy or firewall in between.`,
				retryable: true,
			};
		}

		case 'ETIMEDOUT':
		case 'UND_ERR_CONNECT_TIMEOUT':
		case 'UND_ERR_HEADERS_TIMEOUT':
		case 'UND_ERR_BODY_TIMEOUT': {
			return {
				code,
				message: `${target} did not answer in time; check the network connection (and HTTPS_PROXY if you use a proxy) and try again.`,
				retryable: true,
			};
		}

		default: {
			return {code, message: `${target} cannot be reached from this machine (${code}); check the network connection.`, retryable: true};
		}
	}
}

function describeRefreshFailure(inner: string): SalesforceErrorDescription {
	if (inner.startsWith(renewalLoopMessage)) {
		return {code: 'RENEWAL_LOOP', message: `${inner.replace(/\.$/, '')}.`, retryable: false};
	}

	if (/expired access\/refresh token|invalid_grant/i.test(inner)) {
		return {
			code: 'invalid_grant',
			message: `The session expired and Salesforce refused to renew it (${inner}): the refresh token was revoked or has expired. Connect to the org again.`,
			retryable: false,
		};
	}

	const network = describeNetworkError({name: 'Error', message: inner, code: /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/.exec(inner)?.[1], target: targetOf(inner)});
	if (network) {
		return {...network, message: `The session expired and could not be renewed: ${network.message}`};
	}

	return {code: 'REFRESH_FAILED', message: `The session expired and could not be renewed (${inner}); connect to the org again.`, retryable: false};
}

function describeOAuthError(name: string, detail: string): SalesforceErrorDescription | undefined {
	switch (name) {
		case 'invalid_grant': {
			return {
				code: name,
				message: `Salesforce refused the login (${detail}): the refresh token was revoked or has expired, or the user may not use this connected app. Connect to the org again.`,
				retryable: false,
			};
		}

		case 'invalid_client_id':
		case 'invalid_client': {
			return {
				code: name,
				message: `Salesforce does not recognise the connected app (${detail}); check its client id (consumer key) and secret.`,
				retryable: false,
			};
		}

		case 'unsupported_grant_type':
		case 'invalid_request': {
			return {code: name, message: `Salesforce refused the token request (${detail}); this is a bug in salesscreen, please report it.`, retryable: false};
		}

		case 'inactive_user': {
			return {code: name, message: 'The Salesforce user of this connection is deactivated; connect as an active user.', retryable: false};
		}

		case 'inactive_org': {
			return {code: name, message: 'The Salesforce org is locked, closed or expired; ask Salesforce support or your account team.', retryable: false};
		}

		case 'rate_limit_exceeded': {
			return {code: name, message: 'Too many logins to Salesforce in a short time; wait a few minutes and try again.', retryable: true};
		}

		default: {
			return undefined;
		}
	}
}

function describeApiError(code: string, detail: string): SalesforceErrorDescription | undefined {
	if (code === 'INVALID_SESSION_ID' || code === 'INVALID_AUTH_HEADER') {
		return {
			code,
			message: `Salesforce did not accept the access token (${detail}): the session has expired or was logged out. Reconnect the org (Overview, or salesscreen connect).`,
			retryable: false,
		};
	}

	if (code === 'RENEWAL_LOOP') {
		return {code, message: `${detail}.`, retryable: false};
	}

	if (code === 'REQUEST_LIMIT_EXCEEDED') {
		return {
			code,
			message: `The org has used up its API calls for the last 24 hours (${detail}); try again later, or ask your Salesforce admin about the limit.`,
			retryable: true,
		};
	}

	if (code === 'API_DISABLED_FOR_ORG') {
		return {code, message: "This org's Salesforce edition does not include API access, which salesscreen needs; ask your Salesforce account team.", retryable: false};
	}

	if (code === 'API_CURRENTLY_DISABLED') {
		return {code, message: 'The connected Salesforce user may not use the API: give them the "API Enabled" permission.', retryable: false};
	}

	if (code.startsWith('INSUFFICIENT_ACCESS')) {
		return {
			code,
			message: `The connected Salesforce user may not read the org's users (${detail}): give them the "View Setup and Configuration" permission.`,
			retryable: false,
		};
	}

	if (code === 'INVALID_FIELD') {
		return {
			code,
			message: `Salesforce refused a field the app reads (${detail}); if field-level security hides it from the connected user, make it visible to them.`,
			retryable: false,
		};
	}

	if (code === 'INVALID_TYPE') {
		return {code, message: `Salesforce refused an object the app reads (${detail}); the connected user may lack access to it.`, retryable: false};
	}

	if (queryBugCodes.has(code)) {
		return {code, message: `Salesforce rejected the app's query (${code}: ${detail}); this is a bug in salesscreen, please report it.`, retryable: false};
	}

	if (code === 'INVALID_QUERY_LOCATOR') {
		return {code, message: "The user list expired on Salesforce's side before all of it was read; load it again.", retryable: true};
	}

	if (code === 'QUERY_TIMEOUT') {
		return {code, message: 'Salesforce took too long to list the users; try again.', retryable: true};
	}

	if (serverTroubleCodes.has(code)) {
		return {
			code,
			message: `Salesforce could not answer (${code}); try again in a minute, and see https://status.salesforce.com if it persists.`,
			retryable: true,
		};
	}

	if (code === 'NOT_FOUND' || code === 'ERROR_HTTP_404') {
		return {
			code,
			message: 'The instance URL does not answer like a Salesforce org (not found); check it, e.g. https://acme.my.salesforce.com.',
			retryable: false,
		};
	}

	if (code === 'MULTIPLE_API_ERRORS') {
		return {code, message: 'Salesforce refused the request with several errors; try again, and report it if it persists.', retryable: false};
	}

	if (code.startsWith('ERROR_HTTP_')) {
		return {
			code,
			message: `The instance URL answered with HTTP ${code.slice('ERROR_HTTP_'.length)} instead of Salesforce's API; check it, e.g. https://acme.my.salesforce.com.`,
			retryable: false,
		};
	}

	if (/^[A-Z][A-Z\d]*(?:_[A-Z\d]+)+$/.test(code)) {
		return {code, message: `Salesforce refused the request (${code}: ${detail}).`, retryable: false};
	}

	return undefined;
}
