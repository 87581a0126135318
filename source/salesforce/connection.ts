import {Connection} from 'jsforce';

/** The REST API version the app speaks: Winter '25, served by every org today and by the demo org. */
export const salesforceApiVersion = '62.0';

export type ConnectionConfig = {
	instanceUrl: string;
	accessToken: string;
	/** With clientId, lets jsforce renew an expired access token by itself. */
	refreshToken?: string;
	/** The connected app's consumer key. */
	clientId?: string;
	/** Where tokens are renewed and revoked; the instance URL unless given. */
	loginUrl?: string;
	version?: string;
};

export function openConnection(config: ConnectionConfig): Connection {
	if (config.refreshToken !== undefined && config.clientId === undefined) {
		// jsforce would throw an opaque error at construction; say what is missing instead.
		throw new Error('A refresh token needs the connected app\'s client id (consumer key) to be used; give both, or only the access token.');
	}

	// jsforce defaults to login.salesforce.com for renewing and revoking tokens; the org's own URL serves
	// both for a My Domain org, for a sandbox, and for the demo org.
	const loginUrl = config.loginUrl ?? config.instanceUrl;
	return new Connection({
		instanceUrl: config.instanceUrl,
		accessToken: config.accessToken,
		version: config.version ?? salesforceApiVersion,
		loginUrl,
		...(config.refreshToken !== undefined && config.clientId !== undefined
			? {refreshToken: config.refreshToken, oauth2: {clientId: config.clientId, loginUrl}}
			: {}),
	});
}
