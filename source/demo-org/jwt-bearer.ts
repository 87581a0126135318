import {verify, type KeyObject} from 'node:crypto';
import type {DemoUserRecord} from './demo-user-record.js';
import {oauthErrors, type OAuthError} from './oauth-error.js';

export type JwtBearerContext = {
	/** The connected app's certificate; without one no assertion can be verified. */
	publicKey: KeyObject | undefined;
	clientId: string;
	/** Audiences Salesforce accepts: the login servers and the org's own URL. */
	audiences: readonly string[];
	findUser: (username: string) => DemoUserRecord | undefined;
	now: number;
};

type Claims = {iss?: unknown; sub?: unknown; aud?: unknown; exp?: unknown};

/**
 * The OAuth 2.0 JWT bearer flow's checks, in the order Salesforce makes them and with its answers: the
 * RS256 signature against the connected app's certificate, the issuer (its consumer key), the audience,
 * the expiry, then the user named by `sub`. Salesforce answers a wrong issuer as an unknown client.
 */
export function verifyJwtBearer(assertion: string | null, context: JwtBearerContext): DemoUserRecord | OAuthError {
	const parts = (assertion ?? '').split('.');
	if (parts.length !== 3 || !context.publicKey) {
		return oauthErrors.invalidAssertion();
	}

	const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
	const header = decodeJson(encodedHeader) as {alg?: unknown} | undefined;
	const claims = decodeJson(encodedClaims) as Claims | undefined;
	if (header?.alg !== 'RS256' || !claims) {
		return oauthErrors.invalidAssertion();
	}

	const signed = verify('RSA-SHA256', Buffer.from(`${encodedHeader}.${encodedClaims}`), context.publicKey, Buffer.from(encodedSignature, 'base64url'));
	if (!signed) {
		return oauthErrors.invalidAssertion();
	}

	if (claims.iss !== context.clientId) {
		return oauthErrors.invalidClientId();
	}

	const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).map((audience) => String(audience).replace(/\/+$/, ''));
	if (!audiences.some((audience) => context.audiences.includes(audience))) {
		return oauthErrors.invalidAudience();
	}

	// Some clients send exp as a string of digits; Salesforce reads those too.
	const expires = typeof claims.exp === 'string' && /^\d+$/.test(claims.exp) ? Number(claims.exp) : claims.exp;
	if (typeof expires !== 'number' || !Number.isFinite(expires) || expires * 1000 <= context.now) {
		return oauthErrors.expiredAssertion();
	}

	const user = typeof claims.sub === 'string' ? context.findUser(claims.sub) : undefined;
	if (!user) {
		return oauthErrors.userNotApproved();
	}

	return user.isActive ? user : oauthErrors.inactiveUser();
}

function decodeJson(segment: string): object | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return typeof value === 'object' && value !== null ? value : undefined;
	} catch {
		return undefined;
	}
}
