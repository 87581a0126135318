import type {IncomingMessage, ServerResponse} from 'node:http';
import {apiVersions, latestApiVersion, servedVersion, versionResources} from './api-versions.js';
import type {DemoDatabase} from './demo-database.js';
import type {DemoUserRecord} from './demo-user-record.js';
import {identityResponse, identityUrl, userInfoResponse, type IdentityContext} from './identity.js';
import type {OAuthSessions} from './oauth-sessions.js';
import {queryBatch, requestedBatchSize} from './query-batches.js';
import type {QueryCursors} from './query-cursors.js';
import {invalidSession, methodNotAllowed, notFound, RestError} from './rest-error.js';
import {normaliseSalesforceId} from './salesforce-id.js';
import {runSoql} from './soql-engine.js';

/** Everything a request may read or change. */
export type DemoOrgState = {
	orgId: string;
	/** Known once the server listens. */
	instanceUrl: string;
	/** The user every token belongs to. */
	connectedUser: DemoUserRecord;
	usersById: ReadonlyMap<string, DemoUserRecord>;
	database: DemoDatabase;
	sessions: OAuthSessions;
	cursors: QueryCursors;
	apiUsage: {used: number; max: number};
};

type Headers = Record<string, string>;

const jsonType = 'application/json;charset=UTF-8';
const maximumBody = 1024 * 1024;

export function demoOrgRequestHandler(state: DemoOrgState): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		const headers: Headers = {};
		handle(state, request, headers)
			.then(({status, body}) => {
				send(response, status, body, headers);
			})
			.catch((error: unknown) => {
				if (error instanceof RestError) {
					send(response, error.status, error.toBody(), headers);
				} else {
					const message = error instanceof Error ? error.message : String(error);
					send(response, 500, [{message: `An unexpected error occurred in the demo org: ${message}`, errorCode: 'UNKNOWN_EXCEPTION'}], headers);
				}
			});
	};
}

function send(response: ServerResponse, status: number, body: unknown, headers: Headers): void {
	if (response.headersSent || response.destroyed) {
		return;
	}

	const text = body === undefined ? '' : JSON.stringify(body);
	response.writeHead(status, {'Content-Type': jsonType, 'Content-Length': String(Buffer.byteLength(text)), ...headers});
	response.end(text);
}

type Reply = {status: number; body: unknown};

async function handle(state: DemoOrgState, request: IncomingMessage, headers: Headers): Promise<Reply> {
	const url = new URL(request.url ?? '/', 'http://demo.invalid');
	const path = url.pathname.replace(/\/+$/, '') || '/';
	const method = request.method ?? 'GET';

	if (path === '/services/oauth2/token' || path === '/services/oauth2/revoke') {
		if (method !== 'POST') {
			throw methodNotAllowed(method, 'POST');
		}

		headers['Cache-Control'] = 'no-cache,must-revalidate,max-age=0,no-store,private';
		const params = new URLSearchParams(await readBody(request));
		if (path === '/services/oauth2/revoke') {
			const failure = state.sessions.revoke(params.get('token'));
			return failure ?? {status: 200, body: undefined};
		}

		const result = state.sessions.grant(params, state.instanceUrl, identityUrl(state.instanceUrl, state.orgId, state.connectedUser.id));
		return 'access_token' in result ? {status: 200, body: result} : result;
	}

	if (method !== 'GET' && method !== 'HEAD') {
		throw methodNotAllowed(method, 'GET,HEAD');
	}

	if (path === '/services/oauth2/userinfo') {
		authenticate(state, request, url, false);
		return {status: 200, body: userInfoResponse(identityContext(state, state.connectedUser))};
	}

	const identity = /^\/id\/([^/]+)\/([^/]+)$/.exec(path);
	if (identity) {
		// Identity URLs also accept the token as a parameter; jsforce sends it that way.
		authenticate(state, request, url, true);
		const user = state.usersById.get(normaliseSalesforceId(identity[2]!) ?? '');
		if (normaliseSalesforceId(identity[1]!) !== state.orgId || !user) {
			throw notFound();
		}

		return {status: 200, body: identityResponse(identityContext(state, user), url.searchParams.get('version'))};
	}

	if (path === '/services/data') {
		return {status: 200, body: apiVersions()};
	}

	const rest = /^\/services\/data\/v([^/]+)(?:\/(.*))?$/.exec(path);
	if (rest) {
		const version = servedVersion(rest[1]!);
		if (!version) {
			throw notFound();
		}

		authenticate(state, request, url, false);
		countApiCall(state, headers);
		return restResource(state, request, url, version, rest[2] ?? '');
	}

	throw notFound();
}

function identityContext(state: DemoOrgState, user: DemoUserRecord): IdentityContext {
	return {instanceUrl: state.instanceUrl, orgId: state.orgId, user, latestVersion: `${latestApiVersion}.0`};
}

function authenticate(state: DemoOrgState, request: IncomingMessage, url: URL, allowTokenParameter: boolean): void {
	const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
	const token = header?.[1] ?? (allowTokenParameter ? url.searchParams.get('oauth_token') ?? undefined : undefined);
	if (!state.sessions.isValid(token)) {
		throw invalidSession();
	}
}

/** Every authenticated REST call counts against the org's rolling 24-hour allowance, as on Salesforce. */
function countApiCall(state: DemoOrgState, headers: Headers): void {
	const usage = state.apiUsage;
	if (usage.used >= usage.max) {
		headers['Sforce-Limit-Info'] = `api-usage=${usage.used}/${usage.max}`;
		throw new RestError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
	}

	usage.used++;
	headers['Sforce-Limit-Info'] = `api-usage=${usage.used}/${usage.max}`;
}

function restResource(state: DemoOrgState, request: IncomingMessage, url: URL, version: string, resource: string): Reply {
	const segments = resource === '' ? [] : resource.split('/');
	const [first, second, third] = segments;

	if (first === undefined) {
		return {status: 200, body: versionResources(version, identityUrl(state.instanceUrl, state.orgId, state.connectedUser.id))};
	}

	if ((first === 'query' || first === 'queryAll') && segments.length <= 2) {
		const batchSize = requestedBatchSize(request.headers['sforce-query-options']);
		if (second !== undefined) {
			const {id, result, position} = state.cursors.read(decodeURIComponent(second));
			return {status: 200, body: queryBatch(state.cursors, result, position, batchSize, version, id)};
		}

		const soql = url.searchParams.get('q');
		if (soql === null || soql.trim() === '') {
			throw new RestError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
		}

		return {status: 200, body: queryBatch(state.cursors, runSoql(soql, state.database), 0, batchSize, version, undefined)};
	}

	if (first === 'limits' && segments.length === 1) {
		return {status: 200, body: limits(state)};
	}

	if (first === 'sobjects' && second !== undefined && third !== undefined && segments.length === 3) {
		return {status: 200, body: retrieve(state, second, third, url.searchParams.get('fields'), version)};
	}

	throw notFound();
}

function limits(state: DemoOrgState) {
	const {used, max} = state.apiUsage;
	return {
		DailyApiRequests: {Max: max, Remaining: Math.max(0, max - used)},
		DailyBulkApiBatches: {Max: 15_000, Remaining: 15_000},
		DataStorageMB: {Max: 1024, Remaining: 1000},
		FileStorageMB: {Max: 1024, Remaining: 1024},
	};
}

/** `GET sobjects/{type}/{id}[?fields=a,b]`: one record, with every field unless some are named. */
function retrieve(state: DemoOrgState, type: string, rawId: string, fields: string | null, version: string) {
	const table = state.database.find(type);
	const id = normaliseSalesforceId(rawId);
	if (!table || !id) {
		throw notFound();
	}

	const names = fields === null ? table.fields.map((field) => field.name) : fields.split(',').map((name) => name.trim());
	// The names become part of a query below: anything but a field path is refused before it gets there.
	const strange = names.find((name) => !/^[A-Za-z]\w*(?:\.[A-Za-z]\w*)?$/.test(name));
	if (strange !== undefined) {
		throw new RestError(400, 'INVALID_FIELD', `No such column '${strange}' on entity '${table.name}'.`);
	}

	const result = runSoql(`SELECT ${names.join(', ')} FROM ${table.name} WHERE Id = '${id}'`, state.database);
	const record = result.rows[0];
	if (!record) {
		throw notFound();
	}

	return result.project(record, version);
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maximumBody) {
			throw new RestError(413, 'REQUEST_ENTITY_TOO_LARGE', 'The request body is too large.');
		}

		chunks.push(buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
}
