import {sign, type KeyObject} from 'node:crypto';
import type {DemoOrg} from '../../source/demo-org/demo-org.js';

/** A plain HTTP client for the demo org, so tests see exactly what goes over the wire. */
export type Answer = {status: number; headers: Headers; body: any};

async function answer(response: Response): Promise<Answer> {
	const text = await response.text();
	let body: unknown = text;
	try {
		body = text === '' ? undefined : JSON.parse(text);
	} catch {
		// HTML pages stay text.
	}

	return {status: response.status, headers: response.headers, body};
}

export async function get(org: Pick<DemoOrg, 'instanceUrl'>, path: string, accessToken: string | undefined): Promise<Answer> {
	const headers: Record<string, string> = accessToken === undefined ? {} : {Authorization: `Bearer ${accessToken}`};
	return answer(await fetch(`${org.instanceUrl}${path}`, {headers}));
}

export async function postForm(org: Pick<DemoOrg, 'instanceUrl'>, path: string, params: Record<string, string>): Promise<Answer> {
	return answer(
		await fetch(`${org.instanceUrl}${path}`, {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams(params),
		}),
	);
}

export async function token(org: Pick<DemoOrg, 'instanceUrl'>, params: Record<string, string>): Promise<Answer> {
	return postForm(org, '/services/oauth2/token', params);
}

export const queryPath = (soql: string) => `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`;

/** A compact JWT signed RS256 (or with the header given), as a JWT bearer client builds one. */
export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject, header: Record<string, unknown> = {alg: 'RS256', typ: 'JWT'}): string {
	const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const signed = `${encode(header)}.${encode(claims)}`;
	return `${signed}.${sign('RSA-SHA256', Buffer.from(signed), privateKey).toString('base64url')}`;
}

/** Starts the device flow and returns its codes. */
export async function startDeviceLogin(org: DemoOrg, scope?: string) {
	const {status, body} = await token(org, {response_type: 'device_code', client_id: org.clientId, ...(scope === undefined ? {} : {scope})});
	if (status !== 200) {
		throw new Error(`device flow did not start: ${status} ${JSON.stringify(body)}`);
	}

	return body as {device_code: string; user_code: string; verification_uri: string; interval: number};
}

export async function pollDevice(org: DemoOrg, deviceCode: string): Promise<Answer> {
	return token(org, {grant_type: 'device', client_id: org.clientId, code: deviceCode});
}

/** "Who am I": the identity of the token's user, then that user's record with its profile's rights. */
export async function whoAmI(org: DemoOrg, accessToken: string) {
	const resources = await get(org, '/services/data/v62.0/', accessToken);
	const identity = await get(org, new URL(resources.body.identity as string).pathname, accessToken);
	const userId = identity.body.user_id as string;
	const user = await get(
		org,
		queryPath(`SELECT Id, Username, Name, Profile.Name, Profile.PermissionsManageUsers, Profile.PermissionsViewAllUsers FROM User WHERE Id = '${userId}'`),
		accessToken,
	);
	return {userId, username: identity.body.username as string, record: user.body.records[0]};
}
