import fs from 'node:fs';
import path from 'node:path';
import type {Connection} from 'jsforce';
import {openConnection} from './salesforce/connection.js';
import {jwtLogin, type JwtLoginConfig} from './salesforce/jwt-login.js';
import {fetchOrgOverview, type OrgOverview} from './salesforce/org-overview.js';
import {assertSecureUrl, idsFromIdentityUrl, type TokenResponse} from './salesforce/token-endpoint.js';
import type {ConnectionFile, SavedConnection} from './settings/saved-connection.js';

/** How an admin connects, with what each way needs. */
export type ConnectRequest =
	| {method: 'device'; loginUrl: string; clientId: string; token: TokenResponse}
	| {method: 'jwt'; loginUrl: string; clientId: string; username: string; privateKeyFile: string}
	| {method: 'token'; instanceUrl: string; accessToken: string};

export type EstablishedConnection = {saved: SavedConnection; connection: Connection; overview: OrgOverview};

export class PrivateKeyFileError extends Error {
	override name = 'PrivateKeyFileError';
}

/** Read at each renewal rather than copied into the connection file: the key stays where its owner keeps it. */
function readPrivateKey(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error: unknown) {
		const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
		throw new PrivateKeyFileError(`The private key file ${file} cannot be read (${reason}); check the path given to "connect jwt".`);
	}
}

function jwtConfig(saved: {loginUrl: string; clientId: string; username: string; privateKeyFile: string}): JwtLoginConfig {
	return {loginUrl: saved.loginUrl, clientId: saved.clientId, username: saved.username, get privateKey() {
		return readPrivateKey(saved.privateKeyFile);
	}};
}

/**
 * Opens a connection for a saved one, renewing its session the way it was made and writing renewed
 * tokens back, so that a rotated refresh token is never lost.
 */
export function connectionFromSaved(saved: SavedConnection, file?: ConnectionFile): Connection {
	const onRenewed = (token: TokenResponse) => {
		file?.updateTokens({accessToken: token.access_token, refreshToken: token.refresh_token, instanceUrl: token.instance_url});
	};

	switch (saved.method) {
		case 'device': {
			return openConnection({
				instanceUrl: saved.instanceUrl,
				accessToken: saved.accessToken,
				refreshToken: saved.refreshToken,
				clientId: saved.clientId,
				loginUrl: saved.loginUrl,
				onRenewed,
			});
		}

		case 'jwt': {
			return openConnection({instanceUrl: saved.instanceUrl, accessToken: saved.accessToken, loginUrl: saved.loginUrl, jwt: jwtConfig(saved), onRenewed});
		}

		case 'token': {
			return openConnection({instanceUrl: saved.instanceUrl, accessToken: saved.accessToken});
		}
	}
}

/**
 * Turns a login into a working, checked connection: reads who and where it is (which also proves the
 * token works) and what the admin may do there. Nothing is saved here; the caller decides.
 */
export async function establishConnection(request: ConnectRequest): Promise<EstablishedConnection> {
	const connectedAt = new Date().toISOString();
	let saved: SavedConnection;
	switch (request.method) {
		case 'device': {
			const {orgId, userId} = idsFromIdentityUrl(request.token.id);
			if (request.token.refresh_token === undefined) {
				throw new Error('Salesforce gave no refresh token: the connected app must allow the "refresh_token" scope.');
			}

			saved = {
				method: 'device',
				loginUrl: request.loginUrl,
				clientId: request.clientId,
				refreshToken: request.token.refresh_token,
				accessToken: request.token.access_token,
				instanceUrl: request.token.instance_url,
				orgId,
				userId,
				username: '',
				connectedAt,
			};
			break;
		}

		case 'jwt': {
			const privateKeyFile = path.resolve(request.privateKeyFile);
			const token = await jwtLogin(jwtConfig({...request, privateKeyFile}));
			const {orgId, userId} = idsFromIdentityUrl(token.id);
			saved = {
				method: 'jwt',
				loginUrl: request.loginUrl,
				clientId: request.clientId,
				privateKeyFile,
				accessToken: token.access_token,
				instanceUrl: token.instance_url,
				orgId,
				userId,
				username: request.username,
				connectedAt,
			};
			break;
		}

		case 'token': {
			saved = {method: 'token', accessToken: request.accessToken, instanceUrl: request.instanceUrl.replace(/\/+$/, ''), orgId: '', userId: '', username: '', connectedAt};
			break;
		}
	}

	const connection = connectionFromSaved(saved);
	let renewed: Partial<SavedConnection> = {};
	connection.on('refresh', (accessToken: string, token: TokenResponse) => {
		renewed = {...renewed, accessToken, ...(token.refresh_token ? {refreshToken: token.refresh_token} : {})};
	});
	const overview = await fetchOrgOverview(connection);
	return {
		saved: {...saved, ...renewed, instanceUrl: connection.instanceUrl, orgId: overview.orgId, userId: overview.userId, username: overview.username} as SavedConnection,
		connection,
		overview,
	};
}

/** Logs the saved connection out at Salesforce, so its tokens stop working anywhere they were copied. */
export async function revokeSavedConnection(saved: SavedConnection): Promise<void> {
	const token = saved.method === 'device' ? saved.refreshToken : saved.accessToken;
	const loginUrl = saved.method === 'token' ? saved.instanceUrl : saved.loginUrl;
	const url = new URL('/services/oauth2/revoke', loginUrl);
	assertSecureUrl(url);
	const response = await fetch(url, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded'},
		body: new URLSearchParams({token}).toString(),
		signal: AbortSignal.timeout(10_000),
	});
	if (!response.ok && response.status !== 400) {
		throw new Error(`Salesforce answered HTTP ${response.status} to the logout`);
	}
}
