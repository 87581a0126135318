import fs from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';
import {json, orgId, startMisbehavingOrg, userId, userRecord, wellBehaved, type Reply} from './misbehaving-org.js';

const tempHome = tempHomesPerTest();
const servers: Array<{close: () => Promise<unknown>}> = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => server.close()));
});

async function orgThat(misbehave: (url: URL) => Reply | undefined) {
	const org = await startMisbehavingOrg((url) => misbehave(url) ?? wellBehaved(url, () => org.instanceUrl));
	servers.push(org);
	return org;
}

/** Small limits, so that a test of a limit never waits long; what is asserted is the words. */
function quickEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {...env, SALESSCREEN_REQUEST_TIMEOUT: '300ms', SALESSCREEN_RETRY_DELAY: '1ms'};
}

const connectionFile = (home: string) => path.join(home, 'connection.json');
const isUserListing = (url: URL) => (url.searchParams.get('q') ?? '').startsWith('SELECT Id, FirstName') || url.pathname.includes('/query/');

function saveConnection(home: string, connection: unknown, mode = 0o600) {
	fs.writeFileSync(connectionFile(home), JSON.stringify(connection), {mode});
	fs.chmodSync(connectionFile(home), mode);
}

const tokenConnection = (instanceUrl: string) => ({
	connection: {method: 'token', instanceUrl, accessToken: 'token', orgId, userId, username: 'admin@acme.test', connectedAt: '2026-05-01T12:00:00.000Z'},
});

describe('connect token saves a connection only when every answer it relies on is whole', () => {
	it('refuses an org answering 200 with the wrong field types, in words, and saves nothing', async () => {
		const {home, env} = tempHome();
		const org = await orgThat((url) => ((url.searchParams.get('q') ?? '').includes('FROM Organization') ? json({totalSize: 1, done: true, records: [{Id: 5, Name: 5, IsSandbox: 5}]}) : undefined));
		const result = await runCli(['connect', 'token', '--instance-url', org.instanceUrl, '--access-token', 'token'], quickEnv(env));
		expect(result.code).toBe(1);
		expect(result.stdout).not.toContain('Connected and saved');
		expect(result.stderr).toMatch(/Asked http:\/\/127\.0\.0\.1:\d+ for the org's name and id and got JSON that is not what Salesforce sends \(records\[0\]\.Id: expected string, received number/);
		expect(fs.existsSync(connectionFile(home))).toBe(false);
	});

	it('gives up on a server that never answers after the time-out per request, and says which limit ran out', async () => {
		const {home, env} = tempHome();
		const org = await orgThat(() => 'never');
		const result = await runCli(['connect', 'token', '--instance-url', org.instanceUrl, '--access-token', 'token'], quickEnv(env));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/did not answer the REST API resources \(the connection test\) within 300 ms \(the time-out per request, set by SALESSCREEN_REQUEST_TIMEOUT\)/);
		expect(fs.existsSync(connectionFile(home))).toBe(false);
	});

	it('says which deadline ran out when the whole connection test takes too long', async () => {
		const {env} = tempHome();
		const org = await orgThat(() => 'never');
		const result = await runCli(['connect', 'token', '--instance-url', org.instanceUrl, '--access-token', 'token'], {...env, SALESSCREEN_DEADLINE: '300ms'});
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/The connection test did not finish within 300 ms \(its deadline, set by SALESSCREEN_DEADLINE\)/);
	});

	it('refuses a limit that is not a duration, naming the variable', async () => {
		const {env} = tempHome();
		const result = await runCli(['import', '--all', '--dry-run', '--instance-url', 'https://acme.my.salesforce.com', '--access-token', 't'], {...env, SALESSCREEN_REQUEST_TIMEOUT: 'soon'});
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('SALESSCREEN_REQUEST_TIMEOUT="soon" is not a duration; give one such as 500ms, 20s or 5m.');
	});
});

describe('import stops on what an org answers wrongly', () => {
	it('stops a listing whose pages never say done, with a message, after a bounded number of requests', async () => {
		const {env} = tempHome();
		let next = 0;
		const org = await orgThat((url) =>
			isUserListing(url) ? json({totalSize: 400, done: false, nextRecordsUrl: `/services/data/v62.0/query/01g-${++next}`, records: [userRecord(next)]}) : undefined,
		);
		const result = await runCli(['import', '--all', '--dry-run', '--instance-url', org.instanceUrl, '--access-token', 'token'], quickEnv(env));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/The user list from http:\/\/127\.0\.0\.1:\d+ does not end \(3 pages for 400 users, and still not done\); nothing was taken from it/);
		expect(next).toBe(3);
	});

	it.each<[string, Reply, RegExp]>([
		['an HTML page', {contentType: 'text/html; charset=utf-8', body: '<html><head><title>Maintenance</title></head></html>'}, /got a web page instead of Salesforce's JSON \(HTTP 200, text\/html; charset=utf-8, 52 bytes, starting "<html><head><title>Maintenance/],
		['invalid JSON', {body: '{"totalSize": 1,'}, /got an answer that is not valid JSON \(HTTP 200, application\/json, 16 bytes, starting "\{"totalSize": 1,"\)/],
		['an empty body', {body: ''}, /got an empty answer \(HTTP 200, application\/json, 0 bytes\)/],
		['JSON without records', json({totalSize: 1, done: true}), /got JSON that is not what Salesforce sends \(records: expected array, received undefined/],
	])('says in words what came back when a page of users is %s', async (_what, reply, words) => {
		const {env} = tempHome();
		const org = await orgThat((url) => (isUserListing(url) ? reply : undefined));
		const result = await runCli(['import', '--all', '--dry-run', '--instance-url', org.instanceUrl, '--access-token', 'token'], quickEnv(env));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/Asked http:\/\/127\.0\.0\.1:\d+ for page 1 of the org's users and got /);
		expect(result.stderr).toMatch(words);
		expect(result.stderr).not.toMatch(/Unexpected token|Unexpected end of JSON|Cannot read properties/);
	});

	// Pages after the first are read in a worker thread: a bad one there is told in the same words.
	it.each<[string, Reply, RegExp]>([
		['invalid JSON', {body: '{"totalSize": 1,'}, /got an answer that is not valid JSON \(HTTP 200, application\/json, 16 bytes/],
		['JSON of the wrong shape', json({totalSize: 2, done: true, records: [{Id: 5}]}), /got JSON that is not what Salesforce sends \(records\[0\]\.Id: expected string, received number/],
	])('says in words what came back when a later page of users is %s', async (_what, reply, words) => {
		const {env} = tempHome();
		const org = await orgThat((url) =>
			isUserListing(url) ? (url.pathname.includes('/query/') ? reply : json({totalSize: 2, done: false, nextRecordsUrl: '/services/data/v62.0/query/01g-2', records: [userRecord(1)]})) : undefined,
		);
		const result = await runCli(['import', '--all', '--dry-run', '--instance-url', org.instanceUrl, '--access-token', 'token'], quickEnv(env));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/Asked http:\/\/127\.0\.0\.1:\d+ for page 2 of the org's users and got /);
		expect(result.stderr).toMatch(words);
	});
});

describe('plain HTTP outside this machine is refused everywhere, with the same words', () => {
	const refusal = 'http://example.com is not HTTPS; Salesforce signs in over HTTPS only (plain HTTP is accepted for a demo org on this machine).';

	it('for --instance-url on a per-run command', async () => {
		const {env} = tempHome();
		const result = await runCli(['import', '--all', '--dry-run', '--instance-url', 'http://example.com', '--access-token', 'token'], env);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(refusal);
	});

	it('for a saved connection edited to plain HTTP', async () => {
		const {home, env} = tempHome();
		saveConnection(home, tokenConnection('http://example.com'));
		for (const command of [['status'], ['import', '--all', '--dry-run']]) {
			// eslint-disable-next-line no-await-in-loop
			const result = await runCli(command, env);
			expect(result.code).toBe(1);
			expect(result.stderr).toContain(connectionFile(home));
			expect(result.stderr).toContain(refusal);
		}
	});
});

describe('a connection file that holds no usable connection is named, with what to do', () => {
	it.each(['{"connection":null}', '[]', '"hello"', '0', '{"connection":{"method":"token","instanceUrl":5}}'])('%s', async (content) => {
		const {home, env} = tempHome();
		fs.writeFileSync(connectionFile(home), content, {mode: 0o600});
		const result = await runCli(['status'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`The saved Salesforce connection in ${connectionFile(home)} does not hold a connection (`);
		expect(result.stderr).toContain('It was left as it is: run "salesscreen disconnect" (it moves the file aside), then connect again.');
		expect(result.stderr).not.toMatch(/Cannot read properties|undefined|null \(reading/);
		expect(fs.readFileSync(connectionFile(home), 'utf8')).toBe(content);
	});
});

describe('a connection file that holds tokens is private', () => {
	it('tightens a connection file at 0644 and a home at 0755 when it meets them', async () => {
		const {home, env} = tempHome();
		const org = await orgThat(() => undefined);
		saveConnection(home, tokenConnection(org.instanceUrl), 0o644);
		fs.chmodSync(home, 0o755);
		const result = await runCli(['status'], env);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(fs.statSync(connectionFile(home)).mode & 0o7777).toBe(0o600);
		expect(fs.statSync(home).mode & 0o7777).toBe(0o700);
	});

	it('leaves the shared-group setup (a setgid folder at 2770, files at 0660) as it is', async () => {
		const {home, env} = tempHome();
		const org = await orgThat(() => undefined);
		fs.chmodSync(home, 0o2770);
		saveConnection(home, tokenConnection(org.instanceUrl), 0o660);
		const result = await runCli(['status'], env);
		expect(result.code).toBe(0);
		expect(fs.statSync(connectionFile(home)).mode & 0o7777).toBe(0o660);
		expect(fs.statSync(home).mode & 0o7777).toBe(0o2770);
	});

	it('takes what others may read away in a shared folder too', async () => {
		const {home, env} = tempHome();
		const org = await orgThat(() => undefined);
		fs.chmodSync(home, 0o2775);
		saveConnection(home, tokenConnection(org.instanceUrl), 0o664);
		expect((await runCli(['status'], env)).code).toBe(0);
		expect(fs.statSync(connectionFile(home)).mode & 0o7777).toBe(0o660);
		expect(fs.statSync(home).mode & 0o7777).toBe(0o2770);
	});
});
