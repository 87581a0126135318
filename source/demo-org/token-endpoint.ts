import type {KeyObject} from 'node:crypto';
import type {DeviceAuthorizations, DeviceCodeResponse} from './device-authorizations.js';
import type {DemoUserRecord} from './demo-user-record.js';
import {verifyJwtBearer} from './jwt-bearer.js';
import {isOAuthError, oauthErrors, type OAuthError} from './oauth-error.js';
import {defaultScope, type OAuthSessions, type TokenResponse} from './oauth-sessions.js';

export type TokenEndpointContext = {
	instanceUrl: string;
	sessions: OAuthSessions;
	devices: DeviceAuthorizations;
	jwtPublicKey: KeyObject | undefined;
	/** By Username, case-insensitively, as Salesforce logs in. */
	findUser: (username: string) => DemoUserRecord | undefined;
};

const jwtBearerGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The login servers a JWT may be addressed to, besides the org's own URL. */
const loginServers = ['https://login.salesforce.com', 'https://test.salesforce.com'];
/** The JWT bearer flow grants the connected app's scopes, never a refresh token. */
const jwtScope = 'api id';

/**
 * `POST /services/oauth2/token`: starts the device flow (`response_type=device_code`) or answers a grant:
 * refresh_token, device (the device flow's poll), or the JWT bearer flow.
 */
export function tokenEndpoint(params: URLSearchParams, context: TokenEndpointContext): {status: number; body: TokenResponse | DeviceCodeResponse | OAuthError['body']} {
	const result = answer(params, context);
	return isOAuthError(result) ? result : {status: 200, body: result};
}

function answer(params: URLSearchParams, context: TokenEndpointContext): TokenResponse | DeviceCodeResponse | OAuthError {
	const {sessions, instanceUrl} = context;
	const responseType = params.get('response_type');
	if (responseType !== null) {
		if (responseType !== 'device_code') {
			return oauthErrors.unsupportedResponseType();
		}

		if (!sessions.acceptsClientId(params.get('client_id'))) {
			return oauthErrors.invalidClientId();
		}

		return context.devices.start(params.get('scope') ?? defaultScope, `${instanceUrl}/setup/connect`);
	}

	switch (params.get('grant_type')) {
		case 'refresh_token': {
			return sessions.refresh(params, instanceUrl);
		}

		case 'device': {
			if (!sessions.acceptsClientId(params.get('client_id'))) {
				return oauthErrors.invalidClientId();
			}

			const grant = context.devices.poll(params.get('code'));
			if (isOAuthError(grant)) {
				return grant;
			}

			// As on Salesforce, a refresh token only comes with a scope that asks for one.
			const scopes = grant.scope.split(/\s+/);
			return sessions.grant(grant.user, grant.scope, scopes.includes('refresh_token') || scopes.includes('offline_access'), instanceUrl);
		}

		case jwtBearerGrant: {
			const user = verifyJwtBearer(params.get('assertion'), {
				publicKey: context.jwtPublicKey,
				clientId: sessions.clientId,
				audiences: [...loginServers, instanceUrl],
				findUser: context.findUser,
				now: Date.now(),
			});
			return isOAuthError(user) ? user : sessions.grant(user, jwtScope, false, instanceUrl);
		}

		default: {
			return oauthErrors.unsupportedGrantType();
		}
	}
}
