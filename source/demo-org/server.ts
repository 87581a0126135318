import type {KeyObject} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {setTimeout as delay} from 'node:timers/promises';
import {apiVersions, latestApiVersion, servedVersion, versionResources} from './api-versions.js';
import {connectPage, submitConnectForm, type DeviceDecision} from './connect-page.js';
import type {DemoDatabase} from './demo-database.js';
import type {DemoUserRecord} from './demo-user-record.js';
import type {DeviceAuthorizations} from './device-authorizations.js';
import {serverUnavailable, type FaultInjector} from './fault-injection.js';
import {identityResponse, identityUrl, userInfoResponse, type IdentityContext} from './identity.js';
import type {OAuthSessions, Session} from './oauth-sessions.js';
import {queryBatch, requestedBatchSize} from './query-batches.js';
import type {QueryCursors} from './query-cursors.js';
import type {BulkQueryJobs} from './bulk-query-jobs.js';
import {resultsCsv} from './csv-results.js';
import {deletedRecords, updatedRecords} from './replication.js';
import {readFormParameters, readJsonBody} from './request-body.js';
import {basicInformation, describeGlobal, describeSObject} from './sobject-describe.js';
import {invalidSession, methodNotAllowed, notFound, RestError} from './rest-error.js';
import {normaliseSalesforceId} from './salesforce-id.js';
import {runSoql} from './soql-engine.js';
import {tokenEndpoint} from './token-endpoint.js';

/** Everything a request may read or change. */
export type DemoOrgState = {
	orgId: string;
	/** Known once the server listens. */
	instanceUrl: string;
	usersById: ReadonlyMap<string, DemoUserRecord>;
	/** By Username, case-insensitively. */
	findUser: (username: string) => DemoUserRecord | undefined;
	database: DemoDatabase;
	sessions: OAuthSessions;
	devices: DeviceAuthorizations;
	decideDevice: DeviceDecision;
	jwtPublicKey: KeyObject | undefined;
	faults: FaultInjector;
	cursors: QueryCursors;
	apiUsage: {used: number; max: number};
	/** Every SOQL statement sent to the query resource, oldest first (queryMore calls are not new queries). */
	queryLog: string[];
	bulkJobs: BulkQueryJobs;
	/** ISO 8601. */
	organizationCreated: string;
};

type Headers = Record<string, string>;

type Reply = {
	status: number;
	body: unknown;
	/** HTML pages (the device approval page) are sent as they are; everything else is JSON. */
	html?: boolean;
	/** Text sent as it is with this content type (Bulk API CSV results, url-encoded token answers). */
	contentType?: string;
	/** Send part of the body, then drop the connection (the resetMidPage fault). */
	breakOff?: boolean;
};

const jsonType = 'application/json;charset=UTF-8';
const htmlType = 'text/html;charset=UTF-8';

export function demoOrgRequestHandler(state: DemoOrgState): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		const headers: Headers = {};
		handle(state, request, headers)
			.then((reply) => {
				send(response, reply, headers);
			})
			.catch((error: unknown) => {
				if (error instanceof RestError) {
					send(response, {status: error.status, body: error.toBody()}, headers);
				} else {
					const message = error instanceof Error ? error.message : String(error);
					send(response, {status: 500, body: [{message: `An unexpected error occurred in the demo org: ${message}`, errorCode: 'UNKNOWN_EXCEPTION'}]}, headers);
				}
			});
	};
}

function send(response: ServerResponse, reply: Reply, headers: Headers): void {
	if (response.headersSent || response.destroyed) {
		return;
	}

	const asText = reply.html === true || reply.contentType !== undefined;
	const text = reply.body === undefined ? '' : asText ? String(reply.body) : JSON.stringify(reply.body);
	const length = Buffer.byteLength(text);
	const type = reply.contentType ?? (reply.html ? htmlType : jsonType);
	response.writeHead(reply.status, {...(reply.status === 204 ? {} : {'Content-Type': type, 'Content-Length': String(length)}), ...headers});
	if (!reply.breakOff) {
		response.end(text);
		return;
	}

	// Promise the whole length, send half, and hang up: the client sees a connection reset mid-body.
	response.write(Buffer.from(text).subarray(0, Math.floor(length / 2)), () => {
		response.destroy();
	});
}

async function handle(state: DemoOrgState, request: IncomingMessage, headers: Headers): Promise<Reply> {
	const url = requestUrl(request.url);
	const path = url.pathname.replace(/\/+$/, '') || '/';
	const method = request.method ?? 'GET';
	const {latencyMs} = state.faults.current;
	if (latencyMs > 0) {
		await delay(latencyMs);
	}

	if (path === '/services/oauth2/token' || path === '/services/oauth2/revoke') {
		// Not subject to injected failures: a client's refresh logic is tested through REST answers instead.
		if (method !== 'POST') {
			throw methodNotAllowed(method, 'POST');
		}

		headers['Cache-Control'] = 'no-cache,must-revalidate,max-age=0,no-store,private';
		const params = await readFormParameters(request);
		if (path === '/services/oauth2/revoke') {
			const failure = state.sessions.revoke(params.get('token'));
			return failure ?? {status: 200, body: undefined};
		}

		const answer = tokenEndpoint(params, {
			instanceUrl: state.instanceUrl,
			sessions: state.sessions,
			devices: state.devices,
			jwtPublicKey: state.jwtPublicKey,
			findUser: state.findUser,
		});
		// `format=urlencoded` (or an Accept header asking for it) answers a form instead of JSON.
		const format = params.get('format') ?? url.searchParams.get('format');
		if (format === 'urlencoded' || (format === null && /application\/x-www-form-urlencoded/i.test(request.headers.accept ?? ''))) {
			return {status: answer.status, body: formEncoded(answer.body), contentType: 'application/x-www-form-urlencoded;charset=UTF-8'};
		}

		return answer;
	}

	if (path === '/setup/connect') {
		if (method === 'POST') {
			const {status, html} = submitConnectForm(await readFormParameters(request), state.decideDevice);
			return {status, body: html, html: true};
		}

		if (method !== 'GET') {
			throw methodNotAllowed(method, 'GET,POST');
		}

		const {status, html} = connectPage(url.searchParams.get('user_code'));
		return {status, body: html, html: true};
	}

	if (state.faults.failsNow()) {
		throw serverUnavailable();
	}

	const rest = /^\/services\/data\/v([^/]+)(?:\/(.*))?$/.exec(path);
	if (rest) {
		const version = servedVersion(rest[1]!);
		if (!version) {
			throw notFound();
		}

		const session = authenticate(state, request, url, false);
		countApiCall(state, headers);
		return restResource(state, session, request, url, version, rest[2] ?? '', method, headers);
	}

	if (method !== 'GET' && method !== 'HEAD') {
		throw methodNotAllowed(method, 'GET,HEAD');
	}

	if (path === '/services/oauth2/userinfo') {
		const session = authenticate(state, request, url, false);
		return {status: 200, body: userInfoResponse(identityContext(state, session.user))};
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

	throw notFound();
}

/**
 * The request's URL with its path normalised as Salesforce does: `//services//data/` is `/services/data`.
 * Parsed relative to a base, `//services/...` would otherwise be read as a host named `services`.
 */
function requestUrl(raw: string | undefined): URL {
	const text = raw ?? '/';
	const queryAt = text.search(/[?#]/);
	const pathPart = queryAt === -1 ? text : text.slice(0, queryAt);
	const rest = queryAt === -1 ? '' : text.slice(queryAt);
	return new URL(`${pathPart.replaceAll(/\/{2,}/g, '/')}${rest}`, 'http://demo.invalid');
}

function formEncoded(body: unknown): string {
	const params = new URLSearchParams();
	if (Array.isArray(body)) {
		body = body[0];
	}

	for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
		params.append(key, typeof value === 'string' ? value : JSON.stringify(value));
	}

	return params.toString();
}

function identityContext(state: DemoOrgState, user: DemoUserRecord): IdentityContext {
	return {instanceUrl: state.instanceUrl, orgId: state.orgId, user, latestVersion: `${latestApiVersion}.0`};
}

/** The session of the request's token; every REST answer is about that session's user. */
function authenticate(state: DemoOrgState, request: IncomingMessage, url: URL, allowTokenParameter: boolean): Session {
	const header = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
	const token = header?.[1] ?? (allowTokenParameter ? url.searchParams.get('oauth_token') ?? undefined : undefined);
	const session = state.sessions.session(token);
	if (!session || state.faults.current.rejectAllSessions) {
		throw invalidSession();
	}

	return session;
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

async function restResource(
	state: DemoOrgState,
	session: Session,
	request: IncomingMessage,
	url: URL,
	version: string,
	resource: string,
	method: string,
	headers: Headers,
): Promise<Reply> {
	const segments = resource === '' ? [] : resource.split('/');
	const [first, second, third] = segments;
	if (first === 'jobs' && second === 'query') {
		return bulkQueryResource(state, session, request, url, version, segments.slice(2), method, headers);
	}

	// An unknown resource is unknown whatever the method, as composite, search or ingest jobs are here.
	if (first !== undefined && !['query', 'queryAll', 'limits', 'sobjects'].includes(first)) {
		throw notFound();
	}

	if (method !== 'GET' && method !== 'HEAD') {
		throw methodNotAllowed(method, 'GET,HEAD');
	}

	if (first === undefined) {
		return {status: 200, body: versionResources(version, identityUrl(state.instanceUrl, state.orgId, session.user.id))};
	}

	if ((first === 'query' || first === 'queryAll') && segments.length <= 2) {
		return queryResource(state, request, url, version, second);
	}

	if (first === 'limits' && segments.length === 1) {
		return {status: 200, body: limits(state)};
	}

	if (first !== 'sobjects' || segments.length > 3) {
		throw notFound();
	}

	if (second === undefined) {
		return {status: 200, body: describeGlobal(state.database, version)};
	}

	const table = state.database.find(second);
	if (!table) {
		throw notFound();
	}

	switch (third) {
		case undefined: {
			return {status: 200, body: basicInformation(table, version)};
		}

		case 'describe': {
			return {status: 200, body: describeSObject(state.database, table, version)};
		}

		case 'updated': {
			return {status: 200, body: updatedRecords(table, url.searchParams, Date.now())};
		}

		case 'deleted': {
			return {status: 200, body: deletedRecords(table, url.searchParams, Date.now(), Date.parse(state.organizationCreated))};
		}

		default: {
			return {status: 200, body: retrieve(state, table.name, third, url.searchParams.get('fields'), version)};
		}
	}
}

/** Bulk API 2.0 query jobs: create, list, look at, abort, delete, and read results as CSV. */
async function bulkQueryResource(
	state: DemoOrgState,
	session: Session,
	request: IncomingMessage,
	url: URL,
	version: string,
	rest: readonly string[],
	method: string,
	headers: Headers,
): Promise<Reply> {
	const [jobId, part] = rest;
	if (jobId === undefined) {
		if (method === 'POST') {
			const body = await readJsonBody(request);
			state.queryLog.push(String((body as {query?: unknown} | null)?.query ?? ''));
			return {status: 200, body: state.bulkJobs.create(body, (soql) => runSoql(soql, state.database), session.user.id, version)};
		}

		if (method === 'GET') {
			return {status: 200, body: state.bulkJobs.list()};
		}

		throw methodNotAllowed(method, 'GET,POST');
	}

	if (part === 'results' && rest.length === 2) {
		if (method !== 'GET') {
			throw methodNotAllowed(method, 'GET');
		}

		const set = state.bulkJobs.results(jobId, url.searchParams.get('locator'), url.searchParams.get('maxRecords'), version, (result, start, end, delimiter, lineEnding, header) =>
			resultsCsv(result, start, end, delimiter, lineEnding, header, version),
		);
		headers['Sforce-Locator'] = set.next;
		headers['Sforce-NumberOfRecords'] = String(set.count);
		return {status: 200, body: set.csv, contentType: 'text/csv'};
	}

	if (rest.length !== 1) {
		throw notFound();
	}

	switch (method) {
		case 'GET': {
			return {status: 200, body: state.bulkJobs.check(jobId)};
		}

		case 'PATCH': {
			return {status: 200, body: state.bulkJobs.abort(jobId, await readJsonBody(request))};
		}

		case 'DELETE': {
			state.bulkJobs.delete(jobId);
			return {status: 204, body: undefined};
		}

		default: {
			throw methodNotAllowed(method, 'GET,PATCH,DELETE');
		}
	}
}

/** `query?q=…` and `query/{locator}` (queryMore). */
function queryResource(state: DemoOrgState, request: IncomingMessage, url: URL, version: string, locator: string | undefined): Reply {
	const batchSize = requestedBatchSize(request.headers['sforce-query-options']);
	let page: {result: ReturnType<typeof runSoql>; position: number; cursorId: string | undefined};
	if (locator === undefined) {
		const soql = url.searchParams.get('q');
		if (soql === null || soql.trim() === '') {
			throw new RestError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
		}

		state.queryLog.push(soql);
		const result = runSoql(soql, state.database);
		if (url.searchParams.get('columns') === 'true') {
			return {status: 200, body: queryColumns(result)};
		}

		page = {result, position: 0, cursorId: undefined};
	} else {
		const {id, result, position} = state.cursors.read(decodeURIComponent(locator));
		page = {result, position, cursorId: id};
	}

	const breakOff = state.faults.resetsNow();
	const body = queryBatch(state.cursors, page.result, page.position, batchSize, version, page.cursorId, !breakOff);
	return {status: 200, body, breakOff};
}

function queryColumns(result: ReturnType<typeof runSoql>) {
	const columns = result.columnMetadata();
	return {
		columnMetadata: columns,
		entityName: result.table.name,
		groupBy: result.singleBatch,
		idSelected: columns.some((column) => column.columnName === 'Id' && column.joinColumns.length === 0),
		keyPrefix: result.table.keyPrefix,
	};
}

function limits(state: DemoOrgState) {
	const {used, max} = state.apiUsage;
	return {
		DailyApiRequests: {Max: max, Remaining: Math.max(0, max - used)},
		DailyBulkApiBatches: {Max: 15_000, Remaining: 15_000},
		DailyBulkV2QueryJobs: {Max: 10_000, Remaining: Math.max(0, 10_000 - state.bulkJobs.created)},
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
