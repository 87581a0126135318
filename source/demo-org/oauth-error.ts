/**
 * An answer of the OAuth endpoints that is not a token: Salesforce sends these as
 * `{"error": "...", "error_description": "..."}`, with status 400 unless said otherwise.
 */
export type OAuthError = {status: number; body: {error: string; error_description: string}};

export function oauthError(error: string, description: string, status = 400): OAuthError {
	return {status, body: {error, error_description: description}};
}

export function isOAuthError(value: object): value is OAuthError {
	return 'status' in value && 'body' in value;
}

/** The descriptions Salesforce gives, in one place so that tests and code agree on them. */
export const oauthErrors = {
	unsupportedGrantType: () => oauthError('unsupported_grant_type', 'grant type not supported'),
	unsupportedResponseType: () => oauthError('unsupported_response_type', 'response type not supported'),
	invalidClientId: () => oauthError('invalid_client_id', 'client identifier invalid'),
	invalidClient: () => oauthError('invalid_client', 'invalid client credentials'),
	expiredRefreshToken: () => oauthError('invalid_grant', 'expired access/refresh token'),
	// JWT bearer flow, as Salesforce words each refusal.
	invalidAssertion: () => oauthError('invalid_grant', 'invalid assertion'),
	invalidAudience: () => oauthError('invalid_grant', 'audience is invalid'),
	expiredAssertion: () => oauthError('invalid_grant', 'expired authorization code'),
	userNotApproved: () => oauthError('invalid_grant', "user hasn't approved this consumer"),
	inactiveUser: () => oauthError('invalid_grant', 'inactive user'),
	// Device flow: the error codes of RFC 8628, which Salesforce's device flow uses.
	authorizationPending: () => oauthError('authorization_pending', 'authorization pending'),
	slowDown: () => oauthError('slow_down', 'polling too frequently'),
	accessDenied: () => oauthError('access_denied', 'end-user denied authorization'),
	expiredDeviceCode: () => oauthError('expired_token', 'expired device code'),
	invalidDeviceCode: () => oauthError('invalid_grant', 'invalid device code'),
	unsupportedTokenType: () => oauthError('unsupported_token_type', 'this token type is not supported'),
} as const;
