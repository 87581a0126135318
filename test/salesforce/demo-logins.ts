import type {DemoOrg} from '../../source/demo-org/demo-org.js';
import {pollDeviceToken, requestDeviceCode} from '../../source/salesforce/device-login.js';
import {idsFromIdentityUrl, type TokenResponse} from '../../source/salesforce/token-endpoint.js';
import type {SavedConnection} from '../../source/settings/saved-connection.js';

/**
 * A session for one user of the demo org, the way the app gets one: the device flow, approved as that user
 * before the first poll (polled at once, whatever interval the org asks for).
 */
export async function deviceLoginAs(org: DemoOrg, username?: string, clientId = org.clientId): Promise<TokenResponse> {
	const code = await requestDeviceCode(org.instanceUrl, clientId);
	org.approveDevice(code.userCode, username === undefined ? {} : {username});
	return pollDeviceToken(org.instanceUrl, clientId, {...code, intervalSeconds: 0});
}

/** A device-flow connection as `salesscreen connect` saves it, for the org's own first tokens. */
export function savedDeviceConnection(org: DemoOrg, tokens: {accessToken?: string; refreshToken?: string} = {}): SavedConnection {
	return {
		method: 'device',
		loginUrl: org.instanceUrl,
		clientId: org.clientId,
		refreshToken: tokens.refreshToken ?? org.refreshToken,
		accessToken: tokens.accessToken ?? org.accessToken,
		instanceUrl: org.instanceUrl,
		orgId: org.orgId,
		userId: org.adminUserId,
		username: org.adminUsername,
		connectedAt: new Date().toISOString(),
	};
}

/** The user id an access token was issued for, from the token response's identity URL. */
export function userIdOf(token: TokenResponse): string {
	return idsFromIdentityUrl(token.id).userId;
}

/** Asks the org's token endpoint to renew a session with a refresh token, as any client would. */
export async function refreshWith(org: DemoOrg, refreshToken: string): Promise<{status: number; body: {error?: string; access_token?: string}}> {
	const response = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded'},
		body: new URLSearchParams({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: refreshToken}),
	});
	return {status: response.status, body: (await response.json()) as {error?: string; access_token?: string}};
}
