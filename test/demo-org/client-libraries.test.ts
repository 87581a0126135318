import {Connection} from 'jsforce';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {get, postForm, queryPath} from './demo-org-client.js';

/** What a client other than the app's own code path sees: jsforce's describe, find, bulk2 and replication calls, and plain HTTP. */
let org: DemoOrg;
let connection: Connection;

beforeAll(async () => {
	org = await startDemoOrg({users: 1500, seed: 77});
	connection = new Connection({instanceUrl: org.instanceUrl, accessToken: org.accessToken, version: '68.0'});
	connection.bulk2.pollInterval = 5;
});

afterAll(async () => {
	await org.close();
});

const rest = async (path: string) => get(org, path, org.accessToken);

type UserRow = Record<string, any>;

describe('request paths', () => {
	it('serves an instance URL kept with a trailing slash, and repeated or trailing slashes in a path', async () => {
		const slashed = new Connection({instanceUrl: `${org.instanceUrl}/`, accessToken: org.accessToken, version: '68.0'});
		const result = await slashed.query<UserRow>('SELECT Id FROM User LIMIT 2');
		expect(result.records).toHaveLength(2);
		for (const path of ['//services/data/v68.0/limits', '/services//data/v68.0/limits/', '/services/data/v68.0//sobjects//User/']) {
			expect((await rest(path)).status, path).toBe(200);
		}

		expect((await rest('//services/data/v68.0/nothing')).body).toEqual([{message: 'The requested resource does not exist', errorCode: 'NOT_FOUND'}]);
		// What is not served answers as an unknown resource, whatever the method.
		for (const path of ['composite', 'search', 'tooling/query', 'jobs/ingest']) {
			const response = await fetch(`${org.instanceUrl}/services/data/v68.0/${path}`, {method: 'POST', headers: {Authorization: `Bearer ${org.accessToken}`}, body: '{}'});
			expect(response.status, path).toBe(404);
		}
	});
});

describe('describe through jsforce', () => {
	it('describeGlobal lists every object the org serves, and describe gives each field with its metadata', async () => {
		const global = await connection.describeGlobal();
		const names = global.sobjects.map((entry) => entry.name);
		expect(names).toEqual(expect.arrayContaining(['User', 'Profile', 'UserRole', 'UserLicense', 'PermissionSet', 'PermissionSetAssignment', 'Organization', 'Opportunity', 'Task', 'Event']));
		const user = await connection.describe('User');
		const manager = user.fields.find((field) => field.name === 'ManagerId')!;
		expect(manager).toMatchObject({type: 'reference', referenceTo: ['User'], relationshipName: 'Manager', nillable: true, filterable: true, label: 'Manager ID'});
		expect(user.fields.find((field) => field.name === 'Email')).toMatchObject({type: 'email', nillable: false});
		expect(user.fields.find((field) => field.name === 'IsActive')).toMatchObject({type: 'boolean', nillable: false});
		expect((await rest('/services/data/v68.0/sobjects/Contact/describe')).status).toBe(404);
	});

	it('every described field of every object can be queried, and a query answers each of them', async () => {
		const global = await connection.describeGlobal();
		for (const entry of global.sobjects) {
			const described = await connection.describe(entry.name);
			const names = described.fields.map((field) => field.name);
			const {status, body} = await rest(queryPath(`SELECT ${names.join(', ')} FROM ${entry.name} LIMIT 1`));
			expect(status, entry.name).toBe(200);
			const record = body.records[0] as Record<string, unknown> | undefined;
			if (record) {
				expect(Object.keys(record).filter((key) => key !== 'attributes')).toEqual(names);
			}

			const all = await rest(queryPath(`SELECT FIELDS(STANDARD) FROM ${entry.name} LIMIT 1`));
			expect(all.status, entry.name).toBe(200);
		}
	});

	it('sobject().find() without fields selects every described field', async () => {
		const records = await connection.sobject('User').find<UserRow>({IsActive: true}).limit(5).execute();
		expect(records).toHaveLength(5);
		expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(['ManagerId', 'Phone', 'MobilePhone', 'EmployeeNumber', 'Division', 'CompanyName', 'Street', 'City', 'State', 'PostalCode', 'Country', 'Alias', 'CommunityNickname', 'SmallPhotoUrl', 'FullPhotoUrl', 'TimeZoneSidKey', 'LocaleSidKey', 'LanguageLocaleKey', 'ContactId', 'AccountId', 'IsPortalEnabled', 'CreatedById', 'LastModifiedById', 'LastLoginDate']));
	});
});

describe('the standard User fields', () => {
	it('managers form a tree within the org: each manager is a user, no one manages themselves up a loop, some have none', async () => {
		const users = (await connection.query<UserRow>('SELECT Id, ManagerId, Manager.Name, Name FROM User')).records;
		const byId = new Map(users.map((user) => [user.Id as string, user]));
		let withManager = 0;
		for (const user of users) {
			const seen = new Set<string>();
			for (let current: UserRow | undefined = user; current?.ManagerId; current = byId.get(current.ManagerId)) {
				expect(seen.has(current.Id), `a loop through ${current.Id}`).toBe(false);
				seen.add(current.Id);
				expect(byId.has(current.ManagerId)).toBe(true);
			}

			if (user.ManagerId) {
				withManager++;
				expect(user.Manager.Name).toBe(byId.get(user.ManagerId)!.Name);
			} else {
				expect(user.Manager).toBeNull();
			}
		}

		expect(withManager).toBeGreaterThan(users.length / 2);
		expect(withManager).toBeLessThan(users.length);
	});

	it('portal users have a contact and an account and are portal-enabled; others have neither; photos are under the instance', async () => {
		const users = (await connection.query<UserRow>('SELECT UserType, ContactId, AccountId, IsPortalEnabled, SmallPhotoUrl, FullPhotoUrl FROM User')).records;
		const portal = users.filter((user) => user.UserType === 'PowerPartner' || user.UserType === 'CspLitePortal');
		expect(portal.length).toBeGreaterThan(0);
		for (const user of portal) {
			expect(user).toMatchObject({IsPortalEnabled: true, ContactId: expect.stringMatching(/^003\w{15}$/), AccountId: expect.stringMatching(/^001\w{15}$/)});
		}

		for (const user of users.filter((candidate) => !portal.includes(candidate))) {
			expect(user).toMatchObject({IsPortalEnabled: false, ContactId: null, AccountId: null});
		}

		for (const user of users) {
			expect(user.SmallPhotoUrl).toMatch(new RegExp(`^${org.instanceUrl}/profilephoto/\\w+/T$`));
			expect(user.FullPhotoUrl).toMatch(new RegExp(`^${org.instanceUrl}/profilephoto/\\w+/F$`));
		}
	});

	it("answers a profile's licence and a role's developer name through two-level relationships", async () => {
		const {records} = await connection.query<UserRow>(`SELECT Profile.UserLicense.Name, UserRole.DeveloperName FROM User WHERE Id = '${org.adminUserId}'`);
		expect(records[0]!.Profile.UserLicense.Name).toBe('Salesforce');
		const roles = await connection.query<UserRow>("SELECT UserRole.DeveloperName FROM User WHERE UserRole.Name = 'Director, Direct Sales' LIMIT 1");
		expect(roles.records[0]?.UserRole.DeveloperName).toBe('DirectorDirectSales');
	});
});

describe('SOQL beyond plain selects', () => {
	it('counts, counts distinct values, groups with HAVING, and orders by an aggregate', async () => {
		const all = await connection.query<UserRow>('SELECT Id, Department FROM User');
		const {body} = await rest(queryPath('SELECT Department, COUNT(Id) n, COUNT_DISTINCT(Title) FROM User WHERE Department != null GROUP BY Department HAVING COUNT(Id) > 20 ORDER BY COUNT(Id) DESC'));
		const expected = new Map<string, number>();
		for (const user of all.records.filter((user) => user.Department !== null)) {
			expected.set(user.Department, (expected.get(user.Department) ?? 0) + 1);
		}

		const wanted = [...expected].filter(([, count]) => count > 20).sort((left, right) => right[1] - left[1]);
		expect(body.records.map((row: UserRow) => [row.Department, row.n])).toEqual(wanted);
		expect(body.records[0].attributes).toEqual({type: 'AggregateResult'});
		expect(typeof body.records[0].expr0).toBe('number');
		const count = await rest(queryPath('SELECT COUNT(Id) FROM User'));
		expect(count.body.records[0].expr0).toBe(all.totalSize);
		const ungrouped = await rest(queryPath('SELECT Department, COUNT(Id) FROM User'));
		expect(ungrouped).toMatchObject({status: 400, body: [{errorCode: 'MALFORMED_QUERY'}]});
	});

	it('semi-joins and anti-joins on the permission set assignments', async () => {
		const admins = await connection.query<UserRow>(
			'SELECT Id FROM User WHERE Id IN (SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsManageUsers = true)',
		);
		const others = await connection.query<UserRow>(
			'SELECT Id FROM User WHERE Id NOT IN (SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsManageUsers = true)',
		);
		const everyone = await connection.query<UserRow>('SELECT Id FROM User');
		expect(admins.records.map((user) => user.Id)).toContain(org.adminUserId);
		expect(admins.totalSize + others.totalSize).toBe(everyone.totalSize);
		const wrong = await rest(queryPath('SELECT Id FROM User WHERE Id IN (SELECT Name FROM Profile)'));
		expect(wrong).toMatchObject({status: 400, body: [{errorCode: 'INVALID_FIELD'}]});
	});

	it('date literals: LAST_N_DAYS, TODAY, THIS_YEAR on date-times and dates, and what is not one', async () => {
		const recent = await connection.query<UserRow>('SELECT OwnerId, LastModifiedDate FROM Opportunity WHERE LastModifiedDate = LAST_N_DAYS:7');
		expect(recent.totalSize).toBeGreaterThan(0);
		const weekAgo = Date.now() - 8 * 24 * 60 * 60 * 1000;
		for (const record of recent.records) {
			expect(Date.parse(record.LastModifiedDate)).toBeGreaterThan(weekAgo);
		}

		const older = await connection.query<UserRow>('SELECT Id FROM Opportunity WHERE LastModifiedDate < LAST_N_DAYS:7');
		const all = await connection.query<UserRow>('SELECT Id FROM Opportunity');
		expect(recent.totalSize + older.totalSize).toBe(all.totalSize);
		expect((await rest(queryPath('SELECT Id FROM Opportunity WHERE CloseDate = THIS_YEAR'))).status).toBe(200);
		expect((await rest(queryPath('SELECT Id FROM User WHERE CreatedDate > TODAY'))).status).toBe(200);
		expect(await rest(queryPath('SELECT Id FROM User WHERE Name = TODAY'))).toMatchObject({status: 400, body: [{errorCode: 'INVALID_QUERY_FILTER_OPERATOR'}]});
		expect(await rest(queryPath('SELECT Id FROM User WHERE CreatedDate = LAST_N_FORTNIGHTS:2'))).toMatchObject({status: 400, body: [{errorCode: 'MALFORMED_QUERY'}]});
	});
});

describe('the columns of a query (query?columns=true, what sf data query lays its table out by)', () => {
	it('nests relationship fields under their relationship, and names aggregates by alias or exprN', async () => {
		const plain = await rest(`${queryPath('SELECT Id, Name, Profile.UserLicense.Name FROM User')}&columns=true`);
		expect(plain.status).toBe(200);
		expect(plain.body).toMatchObject({entityName: 'User', groupBy: false, idSelected: true, keyPrefix: '005'});
		const names = (columns: Array<{columnName: string; joinColumns: any[]}>): unknown[] =>
			columns.map((column) => (column.joinColumns.length === 0 ? column.columnName : {[column.columnName]: names(column.joinColumns)}));
		expect(names(plain.body.columnMetadata)).toEqual(['Id', 'Name', {Profile: [{UserLicense: ['Name']}]}]);
		const grouped = await rest(`${queryPath('SELECT Department, COUNT(Id) n, MAX(CreatedDate) FROM User GROUP BY Department')}&columns=true`);
		expect(grouped.body.columnMetadata.map((column: {columnName: string; displayName: string; aggregate: boolean}) => [column.columnName, column.displayName, column.aggregate])).toEqual([
			['Department', 'Department', true],
			['n', 'COUNT(Id)', true],
			['expr0', 'MAX(CreatedDate)', true],
		]);
	});
});

describe('sales activity', () => {
	it('opportunities, tasks and events are owned by users of the org, spread over several owners', async () => {
		const users = new Set((await connection.query<UserRow>('SELECT Id FROM User')).records.map((user) => user.Id));
		for (const object of ['Opportunity', 'Task', 'Event']) {
			const {body} = await rest(queryPath(`SELECT OwnerId, COUNT(Id), MAX(SystemModstamp) FROM ${object} GROUP BY OwnerId`));
			expect(body.totalSize, object).toBeGreaterThan(5);
			for (const row of body.records as UserRow[]) {
				expect(users.has(row.OwnerId)).toBe(true);
				expect(row.expr1).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
			}
		}

		const active = await rest(queryPath('SELECT Owner.Name, COUNT(Id) FROM Task WHERE LastModifiedDate = LAST_N_DAYS:30 GROUP BY Owner.Name'));
		expect(active.status).toBe(200);
		expect(active.body.records[0]).toHaveProperty('Name');
	});
});

describe('Bulk API 2.0 query jobs', () => {
	it('bulk2.query through jsforce answers the same records as the query resource', async () => {
		const soql = 'SELECT Id, Name, Profile.Name, IsActive FROM User ORDER BY Id';
		const bulk = await (await connection.bulk2.query(soql)).toArray();
		const restRecords = (await connection.query<UserRow>(soql, {autoFetch: true, maxFetch: 10_000})).records;
		expect(bulk).toHaveLength(restRecords.length);
		expect(bulk[1]).toEqual({Id: restRecords[1]!.Id, Name: restRecords[1]!.Name, 'Profile.Name': restRecords[1]!.Profile?.Name ?? '', IsActive: String(restRecords[1]!.IsActive)});
	});

	it('pages results by maxRecords with Sforce-Locator, and refuses what the guide refuses', async () => {
		const headers = {Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json'};
		const base = `${org.instanceUrl}/services/data/v68.0/jobs/query`;
		const create = async (body: unknown) => fetch(base, {method: 'POST', headers, body: JSON.stringify(body)});
		const job = (await (await create({operation: 'query', query: 'SELECT Id FROM User', lineEnding: 'CRLF'})).json()) as {id: string; state: string};
		expect(job.state).toBe('UploadComplete');
		const early = await fetch(`${base}/${job.id}/results`, {headers});
		expect(early.status).toBe(400);
		expect(await early.json()).toMatchObject([{errorCode: 'INVALIDJOBSTATE'}]);
		const states = [];
		for (let state = ''; state !== 'JobComplete'; ) {
			state = ((await (await fetch(`${base}/${job.id}`, {headers})).json()) as {state: string}).state;
			states.push(state);
		}

		expect(states).toEqual(['InProgress', 'JobComplete']);
		let locator: string | null = null;
		let lines = 0;
		let sets = 0;
		do {
			const page = await fetch(`${base}/${job.id}/results?maxRecords=400${locator ? `&locator=${locator}` : ''}`, {headers});
			const text = await page.text();
			expect(text.endsWith('\r\n')).toBe(true);
			const count = Number(page.headers.get('sforce-numberofrecords'));
			expect(text.split('\r\n').length - 2).toBe(count);
			lines += count;
			sets++;
			locator = page.headers.get('sforce-locator');
		} while (locator !== 'null');
		expect(lines).toBe(1500);
		expect(sets).toBe(4);

		const other = (await (await create({operation: 'query', query: 'SELECT Id FROM User'})).json()) as {id: string};
		const aborted = await fetch(`${base}/${other.id}`, {method: 'PATCH', headers, body: JSON.stringify({state: 'Aborted'})});
		expect(((await aborted.json()) as {state: string}).state).toBe('Aborted');
		expect((await fetch(`${base}/${other.id}`, {method: 'DELETE', headers})).status).toBe(204);
		expect((await fetch(`${base}/${other.id}`, {headers})).status).toBe(404);

		for (const query of ['SELECT COUNT() FROM User', 'SELECT Department, COUNT(Id) FROM User GROUP BY Department', 'SELECT Id FROM User OFFSET 5']) {
			const refused = await create({operation: 'query', query});
			expect(refused.status, query).toBe(400);
			expect(await refused.json()).toMatchObject([{errorCode: 'API_ERROR'}]);
		}

		const limits = await rest('/services/data/v68.0/limits');
		expect(limits.body.DailyBulkV2QueryJobs).toEqual({Max: 10_000, Remaining: 10_000 - 3});
		const bad = await create({operation: 'query', query: 'SELECT Nope FROM User'});
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject([{errorCode: 'INVALID_FIELD'}]);
		const wrongVersion = await fetch(`${org.instanceUrl}/services/data/v62.0/jobs/query/${job.id}/results`, {headers});
		expect(wrongVersion.status).toBe(409);
		expect((await fetch(`${base}/750Dm0000000000AAA`, {headers})).status).toBe(404);
	});
});

describe('changed and deleted records', () => {
	it('sobject().updated() lists the users changed in the window; deleted() lists no users, who cannot be deleted', async () => {
		const start = new Date(Date.now() - 60 * 60 * 1000);
		const changed = org.users.find((user) => user.isActive && user.id !== org.adminUserId)!;
		org.updateUser(changed.id, {managerId: org.adminUserId});
		const end = new Date(Date.now() + 2 * 60 * 1000);
		const moved = await connection.query<UserRow>(`SELECT Manager.Username FROM User WHERE Id = '${changed.id}'`);
		expect(moved.records[0]!.Manager.Username).toBe(org.adminUsername);
		const updated = await connection.sobject('User').updated(start.toISOString(), end.toISOString());
		expect(updated.ids).toContain(changed.id);
		expect(updated.ids).not.toContain(org.users.find((user) => user.id !== changed.id && user.id !== org.adminUserId)!.id);
		const deleted = await connection.sobject('User').deleted(start.toISOString(), end.toISOString());
		expect(deleted.deletedRecords).toEqual([]);
		const opportunities = await connection.sobject('Opportunity').deleted(new Date(Date.now() - 20 * 24 * 60 * 60 * 1000).toISOString(), end.toISOString());
		expect(opportunities.deletedRecords.length).toBeGreaterThan(0);
	});

	it('refuses a window that ends before it starts, starts over 30 days ago or lacks a bound, and an object that cannot be replicated', async () => {
		const now = Date.now();
		const iso = (time: number) => encodeURIComponent(new Date(time).toISOString());
		const refusals = [
			[`User/updated/?start=${iso(now)}&end=${iso(now - 60 * 60 * 1000)}`, 'INVALID_REPLICATION_DATE'],
			[`User/updated/?start=${iso(now - 31 * 24 * 60 * 60 * 1000)}&end=${iso(now)}`, 'INVALID_REPLICATION_DATE'],
			[`User/deleted/?start=${iso(now - 60 * 60 * 1000)}`, 'MISSING_ARGUMENT'],
			[`User/updated/?start=yesterday&end=${iso(now)}`, 'INVALID_REPLICATION_DATE'],
			[`Organization/updated/?start=${iso(now - 60 * 60 * 1000)}&end=${iso(now)}`, 'INVALID_TYPE_FOR_OPERATION'],
		];
		for (const [path, errorCode] of refusals) {
			expect(await rest(`/services/data/v68.0/sobjects/${path}`), path).toMatchObject({status: 400, body: [{errorCode}]});
		}
	});
});

describe('versions and the token endpoint', () => {
	it('lists versions up to the current release, and the version resource lists only what is served', async () => {
		const versions = await get(org, '/services/data', undefined);
		expect(versions.body.at(-1)).toEqual({label: "Winter '27", url: '/services/data/v68.0', version: '68.0'});
		const resources = await rest('/services/data/v68.0');
		for (const [name, url] of Object.entries(resources.body as Record<string, string>)) {
			// `jobs` holds the Bulk API 2.0 job resources; the demo org serves its query jobs.
			const path = name === 'identity' ? new URL(url).pathname : name === 'jobs' ? `${url}/query` : url;
			const answer = await rest(name === 'query' || name === 'queryAll' ? `${path}?q=${encodeURIComponent('SELECT Id FROM User LIMIT 1')}` : path);
			expect(answer.status, name).toBe(200);
		}
	});

	it('answers a url-encoded form for format=urlencoded', async () => {
		const response = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
			method: 'POST',
			headers: {'Content-Type': 'application/x-www-form-urlencoded'},
			body: new URLSearchParams({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken, format: 'urlencoded'}),
		});
		expect(response.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
		const form = new URLSearchParams(await response.text());
		expect(form.get('instance_url')).toBe(org.instanceUrl);
		expect(form.get('access_token')).toMatch(/^00D/);
		const json = await postForm(org, '/services/oauth2/token', {grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken});
		expect(json.body.instance_url).toBe(org.instanceUrl);
	});
});
