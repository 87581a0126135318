/** What Salesforce's token endpoint answers on success, whatever the grant. */
export type TokenResponse = {
	access_token: string;
	instance_url: string;
	/** The identity URL of the user the session belongs to: …/id/<org id>/<user id>. */
	id: string;
	issued_at: string;
	token_type: string;
	signature?: string;
	scope?: string;
	/** Present for the device flow, and on a refresh when the connected app rotates refresh tokens. */
	refresh_token?: string;
};

/**
 * An OAuth error as the token endpoint words it. Named by its `error` field, the way jsforce names the
 * errors it throws, so one describer handles both.
 */
export class OAuthError extends Error {
	constructor(
		readonly error: string,
		description: string,
		readonly status: number,
	) {
		super(description || error);
		this.name = error;
	}
}

/** POSTs a form to `<loginUrl>/services/oauth2/token` and returns the token, or throws an OAuthError. */
export async function postTokenRequest<T = TokenResponse>(loginUrl: string, parameters: Record<string, string>, signal?: AbortSignal): Promise<T> {
	const response = await fetch(new URL('/services/oauth2/token', loginUrl), {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
		body: new URLSearchParams(parameters).toString(),
		signal,
	});
	const text = await response.text();
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}

	if (!response.ok) {
		const {error, error_description: description} = (body ?? {}) as {error?: string; error_description?: string};
		throw new OAuthError(error ?? `ERROR_HTTP_${response.status}`, description ?? text.slice(0, 200), response.status);
	}

	if (typeof body !== 'object' || body === null) {
		throw new OAuthError('invalid_response', `the token endpoint of ${loginUrl} did not answer with JSON`, response.status);
	}

	return body as T;
}

/** …/id/<org id>/<user id> → the two ids. */
export function idsFromIdentityUrl(identityUrl: string): {orgId: string; userId: string} {
	const [orgId = '', userId = ''] = new URL(identityUrl).pathname.split('/').slice(-2);
	return {orgId, userId};
}
