import {createHash, createHmac, randomBytes} from 'node:crypto';
import type {DemoUserRecord} from './demo-user-record.js';
import {identityUrl} from './identity.js';
import {oauthErrors, type OAuthError} from './oauth-error.js';

export type TokenResponse = {
	access_token: string;
	/** Only from grants that hand out a refresh token: the device flow, and refreshes that rotate it. */
	refresh_token?: string;
	signature: string;
	scope: string;
	instance_url: string;
	id: string;
	token_type: 'Bearer';
	issued_at: string;
};

/** What an access token stands for: whose session it is, since when, and the refresh token that opened it. */
export type Session = {user: DemoUserRecord; issuedAt: number; refreshToken: string | undefined};

type RefreshGrant = {user: DemoUserRecord; scope: string};

export type OAuthSessionsOptions = {
	orgId: string;
	/** The org's seed: the connected app's client id is derived from it, so it survives restarts. */
	seed: number;
	/** The user the first access and refresh tokens belong to. */
	connectedUser: DemoUserRecord;
	/** Access tokens older than this are refused; undefined: they never expire. */
	sessionLifetimeSeconds?: number;
	/** Each refresh answers a new refresh token and retires the one it was given. */
	rotateRefreshTokens?: boolean;
	/** Finds the user a refresh token from an earlier run names, so that it outlives a restart. */
	findUser?: (id: string) => DemoUserRecord | undefined;
	now?: () => number;
};

/** The scope the demo connected app grants when none is asked for. */
export const defaultScope = 'api id refresh_token';

const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

function charactersFrom(bytes: Buffer, length: number): string {
	let text = '';
	for (let index = 0; index < length; index++) {
		text += tokenAlphabet[bytes[index % bytes.length]! % tokenAlphabet.length];
	}

	return text;
}

/** Random characters of the kinds Salesforce tokens are made of. */
function tokenCharacters(length: number): string {
	return charactersFrom(randomBytes(length), length);
}

/** A consumer key that is the same for the same seed, so an app configured for the demo org keeps working. */
function clientIdFor(seed: number): string {
	const hashes = [createHash('sha256').update(`salesscreen demo org client ${seed}`).digest()];
	while (hashes.length < 3) {
		hashes.push(createHash('sha256').update(hashes.at(-1)!).digest());
	}

	return `3MVG9${charactersFrom(Buffer.concat(hashes), 80)}`;
}

/**
 * The org's connected app (client id and secret) and its sessions: refresh tokens and access tokens, each
 * belonging to a user. Access tokens are random and last one run. Refresh tokens carry their grant,
 * sealed with a key derived from the seed, so that a demo org restarted with the same seed still
 * honours them, as a real org does after its maintenance: an app connected once keeps working, and a
 * restart with fault flags shows those faults rather than a lost session.
 */
export class OAuthSessions {
	readonly clientId: string;
	readonly clientSecret = randomBytes(32).toString('hex').toUpperCase();
	readonly refreshToken: string;
	readonly accessToken: string;
	#refreshTokens = new Map<string, RefreshGrant>();
	#sessions = new Map<string, Session>();
	readonly #orgId: string;
	readonly #lifetimeMs: number | undefined;
	readonly #rotate: boolean;
	readonly #now: () => number;
	readonly #sealKey: Buffer;
	readonly #findUser: (id: string) => DemoUserRecord | undefined;
	/** Refresh tokens revoked or rotated away in this run; sealed ones would otherwise be accepted again. */
	readonly #retired = new Set<string>();
	/** Refresh tokens issued up to this time were all revoked by revokeRefreshTokens(). */
	#revokedUpTo = Number.NEGATIVE_INFINITY;

	constructor(options: OAuthSessionsOptions) {
		this.#orgId = options.orgId;
		this.#lifetimeMs = options.sessionLifetimeSeconds === undefined ? undefined : options.sessionLifetimeSeconds * 1000;
		this.#rotate = options.rotateRefreshTokens === true;
		this.#now = options.now ?? Date.now;
		this.clientId = clientIdFor(options.seed);
		this.#sealKey = createHash('sha256').update(`salesscreen demo org refresh tokens ${options.seed} ${options.orgId}`).digest();
		this.#findUser = options.findUser ?? (() => undefined);
		this.refreshToken = this.#issueRefreshToken({user: options.connectedUser, scope: defaultScope});
		this.accessToken = this.#openSession(options.connectedUser, this.refreshToken).token;
	}

	/** The session an access token stands for, or undefined when it is unknown, revoked or too old. */
	session(accessToken: string | undefined): Session | undefined {
		const session = accessToken === undefined ? undefined : this.#sessions.get(accessToken);
		if (session && this.#lifetimeMs !== undefined && this.#now() - session.issuedAt >= this.#lifetimeMs) {
			this.#sessions.delete(accessToken!);
			return undefined;
		}

		return session;
	}

	/** A new session for a user who has just been authorised (device flow, JWT bearer flow). */
	grant(user: DemoUserRecord, scope: string, withRefreshToken: boolean, instanceUrl: string): TokenResponse {
		const refreshToken = withRefreshToken ? this.#issueRefreshToken({user, scope}) : undefined;
		return this.#tokenResponse(user, scope, refreshToken, refreshToken, instanceUrl);
	}

	/**
	 * The demo org's own connected app, and the Salesforce CLI's ("PlatformCLI"), which every real org
	 * knows: the app offers it as the default client id of the device login.
	 */
	acceptsClientId(clientId: string | null): boolean {
		return clientId === this.clientId || clientId === 'PlatformCLI';
	}

	/** `grant_type=refresh_token`: a new session for the refresh token's user. */
	refresh(params: URLSearchParams, instanceUrl: string): TokenResponse | OAuthError {
		if (!this.acceptsClientId(params.get('client_id'))) {
			return oauthErrors.invalidClientId();
		}

		const secret = params.get('client_secret');
		if (secret !== null && secret !== this.clientSecret) {
			return oauthErrors.invalidClient();
		}

		const token = params.get('refresh_token');
		const grant = token === null || this.#retired.has(token) ? undefined : this.#refreshTokens.get(token) ?? this.#unseal(token);
		if (!grant) {
			return oauthErrors.expiredRefreshToken();
		}

		if (!this.#rotate) {
			return this.#tokenResponse(grant.user, grant.scope, token!, undefined, instanceUrl);
		}

		// Rotation: the old refresh token stops working; sessions it opened run on until they expire.
		this.#refreshTokens.delete(token!);
		this.#retired.add(token!);
		const rotated = this.#issueRefreshToken(grant);
		return this.#tokenResponse(grant.user, grant.scope, rotated, rotated, instanceUrl);
	}

	/** `POST /services/oauth2/revoke`: revoking a refresh token also ends every session it opened. */
	revoke(token: string | null): OAuthError | undefined {
		if (token !== null && this.#sessions.delete(token)) {
			return undefined;
		}

		if (token !== null && (this.#refreshTokens.delete(token) || (!this.#retired.has(token) && this.#unseal(token)))) {
			this.#retired.add(token);
			for (const [accessToken, session] of this.#sessions) {
				if (session.refreshToken === token) {
					this.#sessions.delete(accessToken);
				}
			}

			return undefined;
		}

		return oauthErrors.unsupportedTokenType();
	}

	/** Every access token issued so far stops working; refresh tokens still open new sessions. */
	expireSessions(): void {
		this.#sessions.clear();
	}

	/** Every refresh token stops working; sessions already open run on. */
	revokeRefreshTokens(): void {
		this.#refreshTokens.clear();
		this.#revokedUpTo = this.#now();
	}

	#issueRefreshToken(grant: RefreshGrant): string {
		const claims = Buffer.from(JSON.stringify({u: grant.user.id, s: grant.scope, t: this.#now(), n: tokenCharacters(12)})).toString('base64url');
		const token = `5Aep861${claims}.${this.#seal(claims)}`;
		this.#refreshTokens.set(token, grant);
		return token;
	}

	#seal(claims: string): string {
		return createHmac('sha256', this.#sealKey).update(claims).digest('base64url');
	}

	/** A refresh token issued by an earlier run with the same seed; undefined when forged, revoked or unknown. */
	#unseal(token: string): RefreshGrant | undefined {
		const match = /^5Aep861([\w-]+)\.([\w-]+)$/.exec(token);
		if (!match || this.#seal(match[1]!) !== match[2]) {
			return undefined;
		}

		try {
			const claims = JSON.parse(Buffer.from(match[1]!, 'base64url').toString()) as {u: string; s: string; t: number};
			const user = this.#findUser(claims.u);
			return user && claims.t > this.#revokedUpTo ? {user, scope: claims.s} : undefined;
		} catch {
			return undefined;
		}
	}

	/** Access tokens begin with the 15-character org id and `!`, as Salesforce session ids do. */
	#openSession(user: DemoUserRecord, refreshToken: string | undefined): {token: string; session: Session} {
		const token = `${this.#orgId.slice(0, 15)}!AQ${tokenCharacters(94)}`;
		const session: Session = {user, issuedAt: this.#now(), refreshToken};
		this.#sessions.set(token, session);
		return {token, session};
	}

	#tokenResponse(user: DemoUserRecord, scope: string, sessionRefreshToken: string | undefined, answeredRefreshToken: string | undefined, instanceUrl: string): TokenResponse {
		const {token, session} = this.#openSession(user, sessionRefreshToken);
		const id = identityUrl(instanceUrl, this.#orgId, user.id);
		const issuedAt = String(session.issuedAt);
		return {
			access_token: token,
			...(answeredRefreshToken === undefined ? {} : {refresh_token: answeredRefreshToken}),
			// Salesforce signs the identity URL and issue time with the consumer secret, so a client can check both.
			signature: createHmac('sha256', this.clientSecret).update(id + issuedAt).digest('base64'),
			scope,
			instance_url: instanceUrl,
			id,
			token_type: 'Bearer',
			issued_at: issuedAt,
		};
	}
}
