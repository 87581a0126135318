import {Connection, type ConnectionConfig as JsforceConnectionConfig} from 'jsforce';
import {callLimitsFromEnvironment, setCallLimits, type CallLimits} from './call-limits.js';
import {jwtLogin, type JwtLoginConfig} from './jwt-login.js';
import {assertSecureUrl, postTokenRequest, type TokenResponse} from './token-endpoint.js';

/** The REST API version the app speaks: Winter '25, served by every org today and by the demo org. */
export const salesforceApiVersion = '62.0';

export type ConnectionConfig = {
	instanceUrl: string;
	accessToken: string;
	/** With clientId, lets the connection renew an expired access token by itself. */
	refreshToken?: string;
	/** The connected app's consumer key. */
	clientId?: string;
	/** Where tokens are renewed and revoked; the instance URL unless given. */
	loginUrl?: string;
	/** Renews an expired session by signing a new JWT assertion, for unattended runs. */
	jwt?: JwtLoginConfig;
	version?: string;
	/** Told of every renewed session, with Salesforce's answer, so that a rotated refresh token can be saved. */
	onRenewed?: (token: TokenResponse) => void;
	/** Time-outs, deadlines and the retry back-off; those set in the environment unless given. */
	limits?: CallLimits;
};

/** Renewals allowed within a minute before the connection gives up. */
export const maxRenewalsPerMinute = 3;

/** Salesforce issued new sessions and kept refusing them: renewing again would only loop. */
export const renewalLoopMessage = `Salesforce refused ${maxRenewalsPerMinute} new sessions in a row within a minute`;

export function openConnection(config: ConnectionConfig): Connection {
	if (config.refreshToken !== undefined && config.clientId === undefined) {
		// jsforce would throw an opaque error at construction; say what is missing instead.
		throw new Error('A refresh token needs the connected app\'s client id (consumer key) to be used; give both, or only the access token.');
	}

	// jsforce defaults to login.salesforce.com for renewing and revoking tokens; the org's own URL serves
	// both for a My Domain org, for a sandbox, and for the demo org.
	const loginUrl = config.loginUrl ?? config.instanceUrl;
	// Every way an org's address gets here (a flag, a saved file, the connect dialog) meets the same rule.
	assertSecureUrl(new URL(config.instanceUrl));
	assertSecureUrl(new URL(loginUrl));
	const limits = config.limits ?? callLimitsFromEnvironment(process.env);
	const renew = renewerFor(config, loginUrl, limits);
	const connection = new Connection({
		instanceUrl: config.instanceUrl,
		accessToken: config.accessToken,
		version: config.version ?? salesforceApiVersion,
		loginUrl,
		...(config.clientId === undefined ? {} : {oauth2: {clientId: config.clientId, loginUrl}}),
		...(renew === undefined ? {} : {refreshFn: cappedRefreshFunction(renew)}),
	});
	setCallLimits(connection, limits);
	if (config.onRenewed) {
		const onRenewed = config.onRenewed;
		connection.on('refresh', (_accessToken: string, response: TokenResponse) => {
			onRenewed(response);
		});
	}

	return connection;
}

type Renew = () => Promise<TokenResponse>;

function renewerFor(config: ConnectionConfig, loginUrl: string, limits: CallLimits): Renew | undefined {
	if (config.jwt) {
		const jwt = config.jwt;
		return async () => jwtLogin(jwt);
	}

	if (config.refreshToken !== undefined && config.clientId !== undefined) {
		const clientId = config.clientId;
		// Rotation: when Salesforce answers with a new refresh token, the old one stops working, so use the newest.
		let refreshToken = config.refreshToken;
		return async () => {
			// Our own token request rather than jsforce's OAuth2: it has a time-out and checks the answer's shape.
			const response = await postTokenRequest(
				loginUrl,
				{grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken},
				{asked: 'a renewed session (refresh token)', limits},
			);
			refreshToken = response.refresh_token ?? refreshToken;
			return response;
		};
	}

	return undefined;
}

/**
 * jsforce renews and repeats a request each time it meets a 401, for as long as the server keeps
 * refusing; a server that refuses every new session would make it loop forever. Stop after a few.
 */
function cappedRefreshFunction(renew: Renew): NonNullable<JsforceConnectionConfig['refreshFn']> {
	const recent: number[] = [];
	return (connection, callback) => {
		const now = Date.now();
		while (recent.length > 0 && recent[0]! < now - 60_000) {
			recent.shift();
		}

		if (recent.length >= maxRenewalsPerMinute) {
			callback(new Error(`${renewalLoopMessage}; it may have revoked this connected app's access. Test the connection, then reconnect.`));
			return;
		}

		recent.push(now);
		renew().then(
			(response) => {
				// A renewal can move the org to another instance (after a migration, say), never to plain HTTP.
				try {
					assertSecureUrl(new URL(response.instance_url));
				} catch (error: unknown) {
					callback(error as Error);
					return;
				}

				connection.instanceUrl = response.instance_url;
				callback(null, response.access_token, response as never);
			},
			(error: unknown) => {
				callback(error instanceof Error ? error : new Error(String(error)));
			},
		);
	};
}
