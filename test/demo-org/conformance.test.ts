import {generateKeyPairSync} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {get, pollDevice, queryPath, signJwt, startDeviceLogin, token} from './demo-org-client.js';
import * as oauthDocs from './fixtures/salesforce-oauth-examples.js';
import * as describeDocs from './fixtures/salesforce-describe-examples.js';
import * as restDocs from './fixtures/salesforce-rest-examples.js';

/**
 * How the keys of an answer must match a documented example's:
 * - same: the same keys, at every level;
 * - documented-keys-only: no key the example lacks (the example lists more than the demo org serves);
 * - has-documented-keys: every key of the example (the demo org adds some the example leaves out).
 * Value types must match everywhere; arrays are compared element by element with the example's first.
 */
type Mode = 'same' | 'documented-keys-only' | 'has-documented-keys';

function kindOf(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

function shapeDifferences(actual: unknown, documented: unknown, mode: Mode, path = '$'): string[] {
	const actualKind = kindOf(actual);
	const documentedKind = kindOf(documented);
	if (actualKind !== documentedKind) {
		return [`${path}: documented ${documentedKind}, served ${actualKind}`];
	}

	if (Array.isArray(actual) && Array.isArray(documented)) {
		if (documented.length === 0) {
			return [];
		}

		return actual.flatMap((element, index) => shapeDifferences(element, documented[0], mode, `${path}[${index}]`));
	}

	if (actualKind !== 'object') {
		return [];
	}

	const actualRecord = actual as Record<string, unknown>;
	const documentedRecord = documented as Record<string, unknown>;
	const differences: string[] = [];
	if (mode !== 'has-documented-keys') {
		for (const key of Object.keys(actualRecord).filter((key) => !(key in documentedRecord))) {
			differences.push(`${path}.${key}: served, not documented`);
		}
	}

	for (const [key, value] of Object.entries(documentedRecord)) {
		if (key in actualRecord) {
			differences.push(...shapeDifferences(actualRecord[key], value, mode, `${path}.${key}`));
		} else if (mode !== 'documented-keys-only') {
			differences.push(`${path}.${key}: documented, not served`);
		}
	}

	return differences;
}

function expectShape(actual: unknown, documented: unknown, mode: Mode = 'same'): void {
	expect(shapeDifferences(actual, documented, mode)).toEqual([]);
}

const keys = generateKeyPairSync('rsa', {modulusLength: 2048});
let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({
		users: 2500,
		seed: 41,
		devicePollIntervalSeconds: 0,
		jwtPublicKey: keys.publicKey.export({type: 'spki', format: 'pem'}).toString(),
	});
});

afterAll(async () => {
	await org.close();
});

const rest = async (path: string) => get(org, path, org.accessToken);

describe('the shape comparison itself', () => {
	it('finds missing keys, extra keys, wrong types and wrong element shapes', () => {
		const documented = {a: 'x', b: {c: 1}, list: [{d: true}]};
		expect(shapeDifferences({a: 'y', b: {c: 2}, list: [{d: false}]}, documented, 'same')).toEqual([]);
		expect(shapeDifferences({a: 'y', b: {c: 2}, list: []}, documented, 'same')).toEqual([]);
		expect(shapeDifferences({a: 1, b: {c: 2}, list: [{d: false}]}, documented, 'same')).toEqual(['$.a: documented string, served number']);
		expect(shapeDifferences({a: 'y', b: {c: 2}, list: [{d: false}], e: 1}, documented, 'same')).toEqual(['$.e: served, not documented']);
		expect(shapeDifferences({a: 'y', list: [{d: 'no'}]}, documented, 'same')).toEqual(['$.b: documented, not served', '$.list[0].d: documented boolean, served string']);
		expect(shapeDifferences({a: 'y'}, documented, 'documented-keys-only')).toEqual([]);
		expect(shapeDifferences({a: 'y', z: 1}, documented, 'documented-keys-only')).toEqual(['$.z: served, not documented']);
		expect(shapeDifferences({...documented, z: 1}, documented, 'has-documented-keys')).toEqual([]);
		expect(shapeDifferences({a: 'y', b: null, list: [{d: true}]}, documented, 'same')).toEqual(['$.b: documented object, served null']);
	});
});

describe('REST API responses match the documented examples', () => {
	it('query: totalSize, done, records with attributes', async () => {
		const {status, body} = await rest(queryPath('SELECT Name FROM User LIMIT 3'));
		expect(status).toBe(200);
		expect(body.records).toHaveLength(3);
		expectShape(body, restDocs.queryResponse);
	});

	it('query: a first batch with nextRecordsUrl, and queryMore', async () => {
		const first = await rest(queryPath('SELECT Id, Name FROM User'));
		expect(first.body.done).toBe(false);
		expectShape(first.body, restDocs.queryFirstBatchResponse);

		const byName = await rest(queryPath('SELECT Name FROM User'));
		const more = await rest(byName.body.nextRecordsUrl as string);
		expect(more.body.done).toBe(true);
		expectShape(more.body, restDocs.queryMoreResponse);
	});

	it('query: a relationship field nests the parent record under the relationship name', async () => {
		const {body} = await rest(queryPath(`SELECT Name, Profile.Name FROM User WHERE Id = '${org.adminUserId}'`));
		expectShape(body.records[0], {...restDocs.queryResponse.records[0], Profile: restDocs.relatedRecord});
		const automated = org.users.find((user) => user.profileName === null)!;
		const orphan = await rest(queryPath(`SELECT Name, Profile.Name FROM User WHERE Id = '${automated.id}'`));
		expect(orphan.body.records[0].Profile).toBeNull();
	});

	it('errors: a list of message and errorCode, whatever the status', async () => {
		const answers = [
			await rest('/services/data/v62.0/nothing-here'),
			await rest(queryPath('SELECT Nope FROM User')),
			await rest(queryPath('SELECT Id FROM User OFFSET 2001')),
			await get(org, '/services/data/v62.0/limits', 'expired'),
		];
		org.setFaults({failNext: 1});
		answers.push(await rest('/services/data/v62.0/limits'));
		expect(answers.map((answer) => answer.status)).toEqual([404, 400, 400, 401, 503]);
		for (const answer of answers) {
			expectShape(answer.body, restDocs.errorResponse);
		}
	});

	it('limits: each limit a Max and a Remaining, named as documented', async () => {
		const {body} = await rest('/services/data/v62.0/limits');
		expectShape(body, restDocs.limitsResponse, 'documented-keys-only');
		expectShape(body.DailyApiRequests, {Max: 0, Remaining: 0});
	});
});

describe('describe, replication and Bulk API 2.0 answers match the documented examples', () => {
	it('describe global: encoding, maxBatchSize and each object with the documented keys', async () => {
		const {status, body} = await rest('/services/data/v68.0/sobjects');
		expect(status).toBe(200);
		expectShape(body, describeDocs.describeGlobalResponse, 'has-documented-keys');
		expect(body.sobjects.map((entry: {name: string}) => entry.name)).toEqual(expect.arrayContaining(['User', 'Profile', 'UserRole', 'PermissionSetAssignment', 'Organization']));
	});

	it('sObject describe: the documented keys, and every field with every property of a Field', async () => {
		const {status, body} = await rest('/services/data/v68.0/sobjects/User/describe');
		expect(status).toBe(200);
		expectShape(body, describeDocs.describeSObjectResponse, 'has-documented-keys');
		for (const field of body.fields as Array<Record<string, unknown>>) {
			expect(Object.keys(field).sort()).toEqual([...describeDocs.describeFieldProperties].sort());
		}
	});

	it('get updated and get deleted: ids or deleted records, and the dates covered', async () => {
		const end = new Date().toISOString();
		const start = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
		const window = `start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`;
		org.updateUser(org.adminUserId, {title: 'Administrator'});
		const updated = await rest(`/services/data/v68.0/sobjects/User/updated/?${window}`);
		expect(updated.status).toBe(200);
		expectShape(updated.body, describeDocs.getUpdatedResponse);
		const deleted = await rest(`/services/data/v68.0/sobjects/Opportunity/deleted/?${window}`);
		expect(deleted.status).toBe(200);
		expectShape(deleted.body, describeDocs.getDeletedResponse);
	});

	it('Bulk API 2.0: the created job, the completed job, and CSV results with their headers', async () => {
		const created = await fetch(`${org.instanceUrl}/services/data/v68.0/jobs/query`, {
			method: 'POST',
			headers: {Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json'},
			body: JSON.stringify({operation: 'query', query: 'SELECT Id, Name FROM User ORDER BY Id LIMIT 2'}),
		});
		const job = (await created.json()) as {id: string};
		expect(created.status).toBe(200);
		expectShape(job, describeDocs.createQueryJobResponse);
		let info = await rest(`/services/data/v68.0/jobs/query/${job.id}`);
		while (info.body.state !== 'JobComplete') {
			info = await rest(`/services/data/v68.0/jobs/query/${job.id}`);
		}

		expectShape(info.body, describeDocs.queryJobInfoResponse);
		const results = await fetch(`${org.instanceUrl}/services/data/v68.0/jobs/query/${job.id}/results`, {headers: {Authorization: `Bearer ${org.accessToken}`}});
		const csv = await results.text();
		expect(results.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(results.headers.get('sforce-locator')).toBe('null');
		expect(results.headers.get('sforce-numberofrecords')).toBe('2');
		const shape = (text: string) => text.split('\n').map((line) => line.replaceAll(/"[^"]*"/g, '"x"'));
		expect(shape(csv)).toEqual(shape(describeDocs.queryJobResultsCsv));
	});

	it('aggregate query: AggregateResult records, grouped fields by name and aggregates as expr0', async () => {
		const {status, body} = await rest(queryPath('SELECT Department, COUNT(Name) FROM User WHERE Department != null GROUP BY Department'));
		expect(status).toBe(200);
		expectShape(body, {...describeDocs.aggregateQueryResponse, records: [{attributes: {type: 'AggregateResult'}, Department: 'Sales', expr0: 7}]});
	});
});

describe('identity responses match the documented examples', () => {
	it('the identity URL', async () => {
		const resources = await rest('/services/data/v62.0/');
		const {body} = await get(org, `${new URL(resources.body.identity as string).pathname}?format=json`, org.accessToken);
		expectShape(body, oauthDocs.identityResponse);
	});

	it('the UserInfo endpoint', async () => {
		const {body} = await rest('/services/oauth2/userinfo');
		expectShape(body, oauthDocs.userInfoResponse);
	});
});

describe('OAuth token endpoint responses match the documented examples', () => {
	it('refresh token flow', async () => {
		const {status, body} = await token(org, {grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken});
		expect(status).toBe(200);
		expectShape(body, oauthDocs.refreshTokenResponse);
	});

	it('device flow: the verification codes, then the token with a refresh token', async () => {
		const codes = await startDeviceLogin(org);
		expectShape(codes, oauthDocs.deviceCodeResponse);
		org.approveDevice(codes.user_code);
		const {status, body} = await pollDevice(org, codes.device_code);
		expect(status).toBe(200);
		expectShape(body, oauthDocs.deviceTokenResponse);
	});

	it('JWT bearer flow: the documented keys (and signature and issued_at), never a refresh token', async () => {
		const assertion = signJwt({iss: org.clientId, sub: org.adminUsername, aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 60}, keys.privateKey);
		const {status, body} = await token(org, {grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion});
		expect(status).toBe(200);
		expectShape(body, oauthDocs.jwtTokenResponse, 'has-documented-keys');
		expect(Object.keys(body).sort()).toEqual([...Object.keys(oauthDocs.jwtTokenResponse), 'issued_at', 'signature'].sort());
	});

	it('errors: error and error_description', async () => {
		const codes = await startDeviceLogin(org);
		const answers = [
			await token(org, {grant_type: 'refresh_token', client_id: org.clientId, refresh_token: 'wrong'}),
			await token(org, {grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: 'x.y.z'}),
			await token(org, {response_type: 'device_code', client_id: 'unknown'}),
			await pollDevice(org, codes.device_code),
			await token(org, {grant_type: 'password'}),
		];
		for (const answer of answers) {
			expect(answer.status).toBe(400);
			expectShape(answer.body, oauthDocs.oauthErrorResponse);
		}
	});
});
