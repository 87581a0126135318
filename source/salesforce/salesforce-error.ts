import {certificateCodes, networkCodes, readSalesforceError, serverTroubleCodes, type SalesforceErrorReading} from './salesforce-error-class.js';
import {SalesforceFailure} from './salesforce-failure.js';

export type SalesforceErrorDescription = {
	/** Salesforce's errorCode, the OAuth error, the network error code, or UNKNOWN (see salesforce-error-class.ts). */
	code: string;
	/** One sentence an admin understands, with what to do where that is known. */
	message: string;
	/** Whether trying the same thing again, unchanged, may work (now or a little later). */
	retryable: boolean;
};

const queryBugCodes = new Set(['MALFORMED_QUERY', 'NUMBER_OUTSIDE_VALID_RANGE', 'INVALID_QUERY_FILTER_OPERATOR']);

/**
 * Whatever jsforce, the network or the OAuth endpoint threw, in one sentence for an admin. What kind of
 * failure it is (its code, whether to try again) is decided in salesforce-error-class.ts; this only words it.
 */
export function describeSalesforceError(error: unknown): SalesforceErrorDescription {
	const reading = readSalesforceError(error);
	return {code: reading.code, retryable: reading.retryable, message: wordingOf(error, reading)};
}

function wordingOf(error: unknown, reading: SalesforceErrorReading): string {
	if (error instanceof SalesforceFailure) {
		return error.message;
	}

	if (reading.renewal !== undefined) {
		return describeRenewalFailure(reading);
	}

	if (reading.code === 'INVALID_INSTANCE_URL') {
		return "The instance URL is a Lightning address (lightning.force.com); use the org's my.salesforce.com address instead.";
	}

	return describeNetworkError(reading, error instanceof Error ? error.name : '') ?? describeOAuthError(reading.code, reading.detail) ?? describeApiError(reading.code, reading.detail) ?? (reading.text || 'Something unexpected went wrong.');
}

/** Words for a failure of the network or of its security, or undefined when it is not one. */
function describeNetworkError(reading: SalesforceErrorReading, errorName: string): string | undefined {
	const {code, target} = reading;
	if (code === 'ABORTED') {
		return 'The request was cancelled.';
	}

	if (code === 'ETIMEDOUT' && (errorName === 'TimeoutError' || errorName === 'AbortError')) {
		return `${target} did not answer in time; check the network connection and try again.`;
	}

	if (certificateCodes.has(code)) {
		return `The TLS certificate of ${target} is not trusted (${code}); behind a company proxy, point NODE_EXTRA_CA_CERTS at the proxy's certificate authority.`;
	}

	if (code === 'BAD_PORT') {
		return `${target} uses a port that HTTP clients refuse to connect to; check the instance URL.`;
	}

	if (code === 'NETWORK_ERROR') {
		const reason = /failed, reason: (.*)$/.exec(reading.text)?.[1] ?? reading.text;
		return `Could not reach ${target} (${reason}); check the network connection and the instance URL.`;
	}

	if (!networkCodes.has(code)) {
		return undefined;
	}

	switch (code) {
		case 'ECONNREFUSED': {
			return `Nothing answers at ${target} (connection refused); check the instance URL, and for the demo org that it is still running.`;
		}

		case 'ENOTFOUND':
		case 'EAI_AGAIN': {
			return `The host of ${target} cannot be found (DNS lookup failed); check the instance URL and this machine's network connection.`;
		}

		case 'ECONNRESET':
		case 'EPIPE':
		case 'UND_ERR_SOCKET': {
			return `The connection to ${target} was cut off; try again, and if it keeps happening check for a proxy or firewall in between.`;
		}

		case 'ETIMEDOUT':
		case 'UND_ERR_CONNECT_TIMEOUT':
		case 'UND_ERR_HEADERS_TIMEOUT':
		case 'UND_ERR_BODY_TIMEOUT': {
			return `${target} did not answer in time; check the network connection (and HTTPS_PROXY if you use a proxy) and try again.`;
		}

		default: {
			return `${target} cannot be reached from this machine (${code}); check the network connection.`;
		}
	}
}

function describeRenewalFailure(reading: SalesforceErrorReading): string {
	const inner = reading.renewal ?? '';
	switch (reading.code) {
		case 'RENEWAL_LOOP': {
			return `${inner.replace(/\.$/, '')}.`;
		}

		case 'invalid_grant': {
			return `The session expired and Salesforce refused to renew it (${inner}): the refresh token was revoked or has expired. Connect to the org again.`;
		}

		case 'REFRESH_FAILED': {
			return `The session expired and could not be renewed (${inner}); connect to the org again.`;
		}

		default: {
			return `The session expired and could not be renewed: ${describeNetworkError(reading, 'Error') ?? inner}`;
		}
	}
}

function describeOAuthError(name: string, detail: string): string | undefined {
	switch (name) {
		case 'invalid_grant': {
			return `Salesforce refused the login (${detail}): the refresh token was revoked or has expired, or the user may not use this connected app. Connect to the org again.`;
		}

		case 'invalid_client_id':
		case 'invalid_client': {
			return `Salesforce does not recognise the connected app (${detail}); check its client id (consumer key) and secret.`;
		}

		case 'unsupported_grant_type':
		case 'invalid_request': {
			return `Salesforce refused the token request (${detail}); this is a bug in salesscreen, please report it.`;
		}

		case 'inactive_user': {
			return 'The Salesforce user of this connection is deactivated; connect as an active user.';
		}

		case 'inactive_org': {
			return 'The Salesforce org is locked, closed or expired; ask Salesforce support or your account team.';
		}

		case 'rate_limit_exceeded': {
			return 'Too many logins to Salesforce in a short time; wait a few minutes and try again.';
		}

		default: {
			return undefined;
		}
	}
}

function describeApiError(code: string, detail: string): string | undefined {
	if (code === 'INVALID_SESSION_ID' || code === 'INVALID_AUTH_HEADER') {
		return `Salesforce did not accept the access token (${detail}): the session has expired or was logged out. Reconnect the org (Overview, or salesscreen connect).`;
	}

	if (code === 'RENEWAL_LOOP') {
		return `${detail}.`;
	}

	if (code === 'REQUEST_LIMIT_EXCEEDED') {
		return `The org has used up its API calls for the last 24 hours (${detail}); try again later, or ask your Salesforce admin about the limit.`;
	}

	if (code === 'API_DISABLED_FOR_ORG') {
		return "This org's Salesforce edition does not include API access, which salesscreen needs; ask your Salesforce account team.";
	}

	if (code === 'API_CURRENTLY_DISABLED') {
		return 'The connected Salesforce user may not use the API: give them the "API Enabled" permission.';
	}

	if (code.startsWith('INSUFFICIENT_ACCESS')) {
		return `The connected Salesforce user may not read the org's users (${detail}): give them the "View Setup and Configuration" permission.`;
	}

	if (code === 'INVALID_FIELD') {
		return `Salesforce refused a field the app reads (${detail}); if field-level security hides it from the connected user, make it visible to them.`;
	}

	if (code === 'INVALID_TYPE') {
		return `Salesforce refused an object the app reads (${detail}); the connected user may lack access to it.`;
	}

	if (queryBugCodes.has(code)) {
		return `Salesforce rejected the app's query (${code}: ${detail}); this is a bug in salesscreen, please report it.`;
	}

	if (code === 'INVALID_QUERY_LOCATOR') {
		return "The user list expired on Salesforce's side before all of it was read; load it again.";
	}

	if (code === 'QUERY_TIMEOUT') {
		return 'Salesforce took too long to list the users; try again.';
	}

	if (serverTroubleCodes.has(code)) {
		return `Salesforce could not answer (${code}); try again in a minute, and see https://status.salesforce.com if it persists.`;
	}

	if (code === 'NOT_FOUND' || code === 'ERROR_HTTP_404') {
		return 'The instance URL does not answer like a Salesforce org (not found); check it, e.g. https://acme.my.salesforce.com.';
	}

	if (code === 'MULTIPLE_API_ERRORS') {
		return 'Salesforce refused the request with several errors; try again, and report it if it persists.';
	}

	if (code.startsWith('ERROR_HTTP_')) {
		return `The instance URL answered with HTTP ${code.slice('ERROR_HTTP_'.length)} instead of Salesforce's API; check it, e.g. https://acme.my.salesforce.com.`;
	}

	if (/^[A-Z][A-Z\d]*(?:_[A-Z\d]+)+$/.test(code)) {
		return `Salesforce refused the request (${code}: ${detail}).`;
	}

	return undefined;
}
