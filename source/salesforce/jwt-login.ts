import {createPrivateKey, createSign, type KeyObject} from 'node:crypto';
import {isSandboxLoginUrl, loginUrls} from '../core/login-url.js';
import {postTokenRequest, type TokenResponse} from './token-endpoint.js';

export type JwtLoginConfig = {
	loginUrl: string;
	/** The connected app's consumer key, which holds the certificate of the key pair. */
	clientId: string;
	username: string;
	/** The private key, PEM. */
	privateKey: string;
};

export class JwtKeyError extends Error {
	override name = 'JwtKeyError';
}

/** Salesforce asks for an assertion valid for at most three minutes. */
const assertionLifetimeSeconds = 180;

/**
 * The audience Salesforce checks: its shared login host (test.salesforce.com for sandboxes) even when the
 * token is asked of a My Domain; a loopback demo org is its own audience.
 */
export function jwtAudience(loginUrl: string): string {
	const {hostname} = new URL(loginUrl);
	if (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]') {
		return new URL(loginUrl).origin;
	}

	return isSandboxLoginUrl(loginUrl) ? loginUrls.sandbox : loginUrls.production;
}

function base64Url(value: string | Buffer): string {
	return Buffer.from(value).toString('base64url');
}

function parsePrivateKey(pem: string): KeyObject {
	try {
		return createPrivateKey(pem);
	} catch (error: unknown) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new JwtKeyError(`The private key cannot be read (${reason}); give the PEM file of the key whose certificate the connected app holds.`);
	}
}

/** An RS256-signed JWT bearer assertion, as Salesforce's OAuth 2.0 JWT Bearer Flow documents it. */
export function signJwtAssertion(config: JwtLoginConfig, now = Date.now): string {
	const key = parsePrivateKey(config.privateKey);
	const header = base64Url(JSON.stringify({alg: 'RS256', typ: 'JWT'}));
	const claims = base64Url(
		JSON.stringify({
			iss: config.clientId,
			sub: config.username,
			aud: jwtAudience(config.loginUrl),
			exp: Math.floor(now() / 1000) + assertionLifetimeSeconds,
		}),
	);
	const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(key);
	return `${header}.${claims}.${base64Url(signature)}`;
}

/** Signs a fresh assertion and trades it for an access token (no refresh token: sign again when it expires). */
export async function jwtLogin(config: JwtLoginConfig, signal?: AbortSignal): Promise<TokenResponse> {
	return postTokenRequest(
		config.loginUrl,
		{grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: signJwtAssertion(config)},
		{asked: `a session for ${config.username} (JWT login)`, signal},
	);
}
