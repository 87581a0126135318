import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DemoOrgError, startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';

let org: DemoOrg;
const userQuery = 'SELECT Id, LastName FROM User ORDER BY Id';

beforeAll(async () => {
	org = await startDemoOrg({users: 2500, seed: 3});
});

afterAll(async () => {
	await org.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
	const response = await fetch(`${org.instanceUrl}${path}`, {headers: {Authorization: `Bearer ${org.accessToken}`, ...headers}});
	return {status: response.status, headers: response.headers, body: (await response.json()) as any};
}

async function token(params: Record<string, string>) {
	const response = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded'},
		body: new URLSearchParams(params),
	});
	return {status: response.status, headers: response.headers, body: (await response.json()) as any};
}

const query = (soql: string) => `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`;

describe('demo org: discovery and identity', () => {
	it('listens on the loopback interface', () => {
		expect(org.instanceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(org.orgId).toMatch(/^00D[A-Za-z\d]{15}$/);
	});

	it('lists API versions with their release names', async () => {
		const {status, body} = await get('/services/data/', {Authorization: ''});
		expect(status).toBe(200);
		expect(body).toContainEqual({label: "Winter '25", url: '/services/data/v62.0', version: '62.0'});
		expect(body).toContainEqual({label: "Spring '24", url: '/services/data/v60.0', version: '60.0'});
	});

	it('answers the version resource map with an absolute identity URL', async () => {
		const {status, body} = await get('/services/data/v62.0/');
		expect(status).toBe(200);
		expect(body.query).toBe('/services/data/v62.0/query');
		expect(body.sobjects).toBe('/services/data/v62.0/sobjects');
		expect(body.identity).toBe(`${org.instanceUrl}/id/${org.orgId}/${org.adminUserId}`);
	});

	it('answers the identity URL for the connected administrator', async () => {
		const admin = org.users.find((user) => user.id === org.adminUserId)!;
		const {status, body} = await get(`/id/${org.orgId}/${org.adminUserId}`);
		expect(status).toBe(200);
		expect(body).toMatchObject({
			id: `${org.instanceUrl}/id/${org.orgId}/${org.adminUserId}`,
			user_id: org.adminUserId,
			organization_id: org.orgId,
			username: admin.username,
			display_name: `${admin.firstName} ${admin.lastName}`,
			email: admin.email,
			active: true,
			user_type: 'STANDARD',
		});
		expect(body.urls.rest).toBe(`${org.instanceUrl}/services/data/v{version}/`);
		const latest = await get(`/id/${org.orgId}/${org.adminUserId}?version=latest`);
		expect(latest.body.urls.query).toBe(`${org.instanceUrl}/services/data/v68.0/query/`);
	});

	it('accepts the token as the oauth_token parameter on identity URLs', async () => {
		const {status} = await get(`/id/${org.orgId}/${org.adminUserId}?format=json&oauth_token=${encodeURIComponent(org.accessToken)}`, {Authorization: ''});
		expect(status).toBe(200);
	});

	it('answers userinfo with OpenID Connect claims', async () => {
		const {status, body} = await get('/services/oauth2/userinfo');
		expect(status).toBe(200);
		expect(body).toMatchObject({user_id: org.adminUserId, organization_id: org.orgId, sub: `${org.instanceUrl}/id/${org.orgId}/${org.adminUserId}`});
		expect(typeof body.preferred_username).toBe('string');
	});

	it('retrieves one record by id', async () => {
		const user = org.users[5]!;
		const {status, body} = await get(`/services/data/v62.0/sobjects/User/${user.id}?fields=Id,Email,Profile.Name`);
		expect(status).toBe(200);
		expect(body).toMatchObject({attributes: {type: 'User'}, Id: user.id, Email: user.email});
		expect((await get(`/services/data/v62.0/sobjects/User/005Dm0000000000AAA`)).status).toBe(404);
	});
});

describe('demo org: errors and headers as Salesforce sends them', () => {
	it('sends JSON with charset on every response', async () => {
		const responses = [
			await get('/services/data/'),
			await get(query(userQuery)),
			await get(query('SELECT Nope FROM User')),
			await get('/services/data/v62.0/', {Authorization: 'Bearer wrong'}),
			await get('/services/data/v62.0/nothing-here'),
			await token({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: 'wrong'}),
		];
		for (const response of responses) {
			expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
		}
	});

	it('answers a missing or wrong token with 401 INVALID_SESSION_ID', async () => {
		for (const authorization of ['', 'Bearer wrong', `Basic ${org.accessToken}`]) {
			const {status, body} = await get(query(userQuery), {Authorization: authorization});
			expect(status).toBe(401);
			expect(body).toEqual([{message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID'}]);
		}
	});

	it('answers unknown resources and versions with 404 NOT_FOUND', async () => {
		for (const path of ['/services/data/v62.0/nothing-here', '/services/data/v10.0/', '/nowhere']) {
			const {status, body} = await get(path);
			expect(status).toBe(404);
			expect(body).toEqual([{errorCode: 'NOT_FOUND', message: 'The requested resource does not exist'}]);
		}
	});

	it('counts API calls in Sforce-Limit-Info', async () => {
		const first = await get('/services/data/v62.0/');
		const second = await get(query('SELECT COUNT() FROM User'));
		const [, used1, max1] = /^api-usage=(\d+)\/(\d+)$/.exec(first.headers.get('sforce-limit-info') ?? '') ?? [];
		const [, used2, max2] = /^api-usage=(\d+)\/(\d+)$/.exec(second.headers.get('sforce-limit-info') ?? '') ?? [];
		expect(Number(used2)).toBe(Number(used1) + 1);
		expect(max1).toBe('100000');
		expect(max2).toBe('100000');
		expect((await get('/services/data/')).headers.get('sforce-limit-info')).toBeNull();
	});

	it('refuses calls beyond the daily limit with 403 REQUEST_LIMIT_EXCEEDED', async () => {
		const limited = await startDemoOrg({users: 5, apiDailyLimit: 2});
		try {
			const call = async () => fetch(`${limited.instanceUrl}/services/data/v62.0/limits`, {headers: {Authorization: `Bearer ${limited.accessToken}`}});
			expect((await call()).status).toBe(200);
			const second = await call();
			expect(((await second.json()) as any).DailyApiRequests).toEqual({Max: 2, Remaining: 0});
			const third = await call();
			expect(third.status).toBe(403);
			expect(third.headers.get('sforce-limit-info')).toBe('api-usage=2/2');
			expect(await third.json()).toEqual([{message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED'}]);
		} finally {
			await limited.close();
		}
	});
});

describe('demo org: query and queryMore', () => {
	it('pages through a result with nextRecordsUrl, 2,000 records by default', async () => {
		const first = await get(query(userQuery));
		expect(first.body).toMatchObject({totalSize: 2500, done: false});
		expect(first.body.records).toHaveLength(2000);
		expect(first.body.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g[A-Za-z\d]{15}-2000$/);
		expect(Object.keys(first.body)).toEqual(['totalSize', 'done', 'nextRecordsUrl', 'records']);
		expect(first.body.records[0]).toEqual({
			attributes: {type: 'User', url: `/services/data/v62.0/sobjects/User/${first.body.records[0].Id}`},
			Id: expect.stringMatching(/^005/),
			LastName: expect.any(String),
		});

		const second = await get(first.body.nextRecordsUrl);
		expect(second.body).toMatchObject({totalSize: 2500, done: true});
		expect(second.body.nextRecordsUrl).toBeUndefined();
		expect(second.body.records).toHaveLength(500);
		const ids = [...first.body.records, ...second.body.records].map((record: {Id: string}) => record.Id);
		expect(ids).toEqual(org.users.map((user) => user.id).sort());
	});

	it('honours Sforce-Query-Options batchSize between 200 and 2,000', async () => {
		const sizes: Record<string, number> = {'batchSize=500': 500, 'batchSize=50': 200, 'batchSize=5000': 2000, 'batchSize = 1000': 1000, 'nonsense': 2000};
		for (const [option, expected] of Object.entries(sizes)) {
			const {body} = await get(query(userQuery), {'Sforce-Query-Options': option});
			expect(body.records).toHaveLength(expected);
		}
	});

	it('applies the batch size asked for on each queryMore', async () => {
		const first = await get(query(userQuery), {'Sforce-Query-Options': 'batchSize=1000'});
		const second = await get(first.body.nextRecordsUrl, {'Sforce-Query-Options': 'batchSize=300'});
		expect(second.body.records).toHaveLength(300);
		expect(second.body.nextRecordsUrl).toMatch(/-1300$/);
	});

	it('refuses an unknown or used-up query locator with INVALID_QUERY_LOCATOR', async () => {
		const first = await get(query(userQuery));
		await get(first.body.nextRecordsUrl);
		for (const url of [first.body.nextRecordsUrl, '/services/data/v62.0/query/01gDm0000000000AAA-2000', '/services/data/v62.0/query/garbage']) {
			const {status, body} = await get(url);
			expect(status).toBe(400);
			expect(body).toEqual([{message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR'}]);
		}
	});

	it('returns only the first batch when the query has an OFFSET', async () => {
		const {body} = await get(query(`${userQuery} OFFSET 10`), {'Sforce-Query-Options': 'batchSize=200'});
		expect(body).toMatchObject({totalSize: 200, done: true});
		expect(body.nextRecordsUrl).toBeUndefined();
	});

	it('answers COUNT() with totalSize and no records', async () => {
		const {body} = await get(query('SELECT COUNT() FROM User'));
		expect(body).toEqual({totalSize: 2500, done: true, records: []});
	});

	it('answers query errors as a JSON array with status 400', async () => {
		const cases: Array<[string, string]> = [
			['SELECT Nope FROM User', 'INVALID_FIELD'],
			['SELECT Id FROM Nope', 'INVALID_TYPE'],
			['SELECT Id FROM User WHERE', 'MALFORMED_QUERY'],
			['SELECT Id FROM User OFFSET 2001', 'NUMBER_OUTSIDE_VALID_RANGE'],
		];
		for (const [soql, errorCode] of cases) {
			const {status, body} = await get(query(soql));
			expect(status).toBe(400);
			expect(body).toEqual([{message: expect.any(String), errorCode}]);
		}

		const offset = await get(query('SELECT Id FROM User OFFSET 2001'));
		expect(offset.body[0].message).toMatch(/\nERROR at Row:1:Column:\d+\nMaximum SOQL offset allowed is 2000$/);
		expect((await get(query('SELECT Id FROM User OFFSET 2000'))).status).toBe(200);

		const missing = await get('/services/data/v62.0/query');
		expect(missing.status).toBe(400);
		expect(missing.body[0].errorCode).toBe('MALFORMED_QUERY');
	});
});

describe('demo org: OAuth token endpoint', () => {
	it('renews a session with the refresh-token grant', async () => {
		const before = Date.now();
		const {status, body, headers} = await token({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken});
		expect(status).toBe(200);
		expect(headers.get('cache-control')).toContain('no-store');
		expect(body).toEqual({
			access_token: expect.stringMatching(new RegExp(`^${org.orgId.slice(0, 15)}!`)),
			signature: expect.stringMatching(/^[A-Za-z\d+/]+=*$/),
			scope: expect.stringContaining('api'),
			instance_url: org.instanceUrl,
			id: `${org.instanceUrl}/id/${org.orgId}/${org.adminUserId}`,
			token_type: 'Bearer',
			issued_at: expect.stringMatching(/^\d{13}$/),
		});
		expect(Number(body.issued_at)).toBeGreaterThanOrEqual(before);
		expect(body.access_token).not.toBe(org.accessToken);
		expect((await get('/services/data/v62.0/', {Authorization: `Bearer ${body.access_token}`})).status).toBe(200);
	});

	it('refuses a wrong refresh token, client id or grant type as Salesforce does', async () => {
		expect(await token({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: 'wrong'})).toMatchObject({
			status: 400,
			body: {error: 'invalid_grant', error_description: 'expired access/refresh token'},
		});
		expect(await token({grant_type: 'refresh_token', client_id: 'someone-else', refresh_token: org.refreshToken})).toMatchObject({
			status: 400,
			body: {error: 'invalid_client_id', error_description: 'client identifier invalid'},
		});
		expect(await token({grant_type: 'password', username: 'x', password: 'y'})).toMatchObject({status: 400, body: {error: 'unsupported_grant_type'}});
	});
});

describe('demo org: starting and stopping', () => {
	it('serves given records and connects as their active System Administrator', async () => {
		const records = [
			{id: '005Dm0000001111', firstName: 'Pat', lastName: 'Ng', email: 'pat@example.com', username: 'pat@example.com', isActive: true, userType: 'Standard', title: null, department: null, profileName: 'Standard User'},
			{id: '005Dm0000002222', firstName: 'Ada', lastName: 'Root', email: 'ada@example.com', username: 'ada@example.com', isActive: true, userType: 'Standard', title: null, department: null, profileName: 'System Administrator'},
		];
		const small = await startDemoOrg({records});
		try {
			expect(small.users.map((user) => user.id)).toEqual(['005Dm0000001111IAA', '005Dm0000002222IAA']);
			expect(small.adminUserId).toBe('005Dm0000002222IAA');
		} finally {
			await small.close();
		}
	});

	it('refuses bad options with a DemoOrgError that says what is wrong', async () => {
		await expect(startDemoOrg({users: 0})).rejects.toThrow(DemoOrgError);
		await expect(startDemoOrg({users: 1.5})).rejects.toThrow(/users must be a whole number/);
		await expect(startDemoOrg({port: 70_000})).rejects.toThrow(/port/);
		await expect(startDemoOrg({records: []})).rejects.toThrow(/at least one user/);
		await expect(startDemoOrg({port: Number(new URL(org.instanceUrl).port)})).rejects.toThrow(/already in use/);
	});

	it('stops listening when closed', async () => {
		const short = await startDemoOrg({users: 3});
		await short.close();
		await short.close();
		await expect(fetch(`${short.instanceUrl}/services/data/`)).rejects.toThrow();
	});
});
