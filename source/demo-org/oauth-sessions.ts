import {createHmac, randomBytes} from 'node:crypto';

export type TokenResponse = {
	access_token: string;
	signature: string;
	scope: string;
	instance_url: string;
	id: string;
	token_type: 'Bearer';
	issued_at: string;
};

export type OAuthError = {status: number; body: {error: string; error_description: string}};

const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** Random characters of the kinds Salesforce tokens are made of. */
function tokenCharacters(length: number): string {
	const bytes = randomBytes(length);
	let text = '';
	for (const byte of bytes) {
		text += tokenAlphabet[byte % tokenAlphabet.length];
	}

	return text;
}

/**
 * The org's sessions: one connected app (client id and secret), one refresh token for the connected user,
 * and the access tokens issued so far. Tokens are random on every start; they are credentials, not data.
 */
export class OAuthSessions {
	readonly clientId = `3MVG9${tokenCharacters(80)}`;
	readonly clientSecret = randomBytes(32).toString('hex').toUpperCase();
	#refreshToken: string | undefined = `5Aep861${tokenCharacters(80)}`;
	#accessTokens = new Set<string>();
	readonly #orgId: string;

	constructor(orgId: string) {
		this.#orgId = orgId;
	}

	get refreshToken(): string {
		return this.#refreshToken ?? '';
	}

	/** Access tokens begin with the 15-character org id and `!`, as Salesforce session ids do. */
	issueAccessToken(): string {
		const token = `${this.#orgId.slice(0, 15)}!AQ${tokenCharacters(94)}`;
		this.#accessTokens.add(token);
		return token;
	}

	isValid(accessToken: string | undefined): boolean {
		return accessToken !== undefined && this.#accessTokens.has(accessToken);
	}

	/** `POST /services/oauth2/token`: only the refresh-token grant, which is what a saved connection uses. */
	grant(params: URLSearchParams, instanceUrl: string, identityUrl: string): TokenResponse | OAuthError {
		const grantType = params.get('grant_type');
		if (grantType !== 'refresh_token') {
			return oauthError('unsupported_grant_type', 'grant type not supported');
		}

		if (params.get('client_id') !== this.clientId) {
			return oauthError('invalid_client_id', 'client identifier invalid');
		}

		const secret = params.get('client_secret');
		if (secret !== null && secret !== this.clientSecret) {
			return oauthError('invalid_client', 'invalid client credentials');
		}

		if (this.#refreshToken === undefined || params.get('refresh_token') !== this.#refreshToken) {
			return oauthError('invalid_grant', 'expired access/refresh token');
		}

		const issuedAt = String(Date.now());
		return {
			access_token: this.issueAccessToken(),
			// Salesforce signs the identity URL and issue time with the consumer secret, so a client can check both.
			signature: createHmac('sha256', this.clientSecret).update(identityUrl + issuedAt).digest('base64'),
			scope: 'api id refresh_token',
			instance_url: instanceUrl,
			id: identityUrl,
			token_type: 'Bearer',
			issued_at: issuedAt,
		};
	}

	/** `POST /services/oauth2/revoke`: revoking the refresh token also ends every session it opened. */
	revoke(token: string | null): OAuthError | undefined {
		if (token !== null && this.#accessTokens.delete(token)) {
			return undefined;
		}

		if (token !== null && token === this.#refreshToken) {
			this.#refreshToken = undefined;
			this.#accessTokens.clear();
			return undefined;
		}

		return oauthError('unsupported_token_type', 'this token type is not supported');
	}
}

function oauthError(error: string, description: string): OAuthError {
	return {status: 400, body: {error, error_description: description}};
}
