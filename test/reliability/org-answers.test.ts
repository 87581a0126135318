import {afterEach, describe, expect, it} from 'vitest';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import {describeSalesforceError} from '../../source/salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';
import {failureOf} from '../support/failure-of.js';
import {json, startMisbehavingOrg, userRecord, wellBehaved, type Reply} from './misbehaving-org.js';

const servers: Array<{close: () => Promise<unknown>}> = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => server.close()));
});

/** An org that answers like Salesforce except where `misbehave` has something to say. */
async function orgThat(misbehave: (url: URL) => Reply | undefined) {
	const org = await startMisbehavingOrg((url) => misbehave(url) ?? wellBehaved(url, () => org.instanceUrl));
	servers.push(org);
	return org;
}

const connect = (instanceUrl: string, limits = {}) => openConnection({instanceUrl, accessToken: 'token', limits: {retryDelayMs: 1, ...limits}});
const isUserListing = (url: URL) => (url.searchParams.get('q') ?? '').startsWith('SELECT Id, FirstName') || url.pathname.includes('/query/');

describe('an answer that is not what Salesforce sends is refused in words, at the boundary', () => {
	it.each<[string, Reply, string, RegExp]>([
		['an HTML page', {contentType: 'text/html', body: '<!DOCTYPE html><html><body>Sign in to the proxy</body></html>'}, 'HTML_ANSWER', /web page.*HTTP 200, text\/html, \d+ bytes, starting "<!DOCTYPE html><html><body>Sign in/],
		['invalid JSON', {body: '{"records": [oops'}, 'NOT_JSON', /not valid JSON \(HTTP 200, application\/json, 17 bytes, starting "\{"records": \[oops"\)/],
		['an empty body', {body: ''}, 'EMPTY_ANSWER', /an empty answer \(HTTP 200, application\/json, 0 bytes\)/],
		['JSON of another shape', json({totalSize: 1, done: true}), 'UNEXPECTED_ANSWER', /not what Salesforce sends \(records: expected array, received undefined; HTTP 200/],
	])('a page of users that is %s', async (_what, reply, code, words) => {
		const org = await orgThat((url) => (isUserListing(url) ? reply : undefined));
		const error = await failureOf(fetchSalesforceUsers(connect(org.instanceUrl)));
		const description = describeSalesforceError(error);
		expect(description).toMatchObject({code, retryable: false});
		expect(description.message).toMatch(/^Asked http:\/\/127\.0\.0\.1:\d+ for page 1 of the org's users and got /);
		expect(description.message).toMatch(words);
		expect(description.message).toMatch(/check that the instance URL is the org's own/);
		expect(description.message).not.toMatch(/Unexpected token|Unexpected end|Cannot read properties/);
	});

	it('names the field of the wrong type: a user whose Id is a number', async () => {
		const org = await orgThat((url) => (isUserListing(url) ? json({totalSize: 1, done: true, records: [{...userRecord(1), Id: 5}]}) : undefined));
		const description = describeSalesforceError(await failureOf(fetchSalesforceUsers(connect(org.instanceUrl))));
		expect(description.code).toBe('UNEXPECTED_ANSWER');
		expect(description.message).toContain('records[0].Id: expected string, received number');
	});

	it('refuses an organization record of the wrong types during the connection test', async () => {
		const org = await orgThat((url) => ((url.searchParams.get('q') ?? '').includes('FROM Organization') ? json({totalSize: 1, done: true, records: [{Id: 5, Name: 7, IsSandbox: 'no'}]}) : undefined));
		const description = describeSalesforceError(await failureOf(fetchOrgOverview(connect(org.instanceUrl))));
		expect(description).toMatchObject({code: 'UNEXPECTED_ANSWER'});
		expect(description.message).toMatch(/for the org's name and id .*records\[0\]\.Id: expected string, received number/);
	});

	it('refuses an identity without a username', async () => {
		const org = await orgThat((url) => (url.pathname.startsWith('/id/') ? json({user_id: '005000000000001AAA', organization_id: '00D000000000001AAA'}) : undefined));
		const description = describeSalesforceError(await failureOf(fetchOrgOverview(connect(org.instanceUrl))));
		expect(description.message).toMatch(/for who the access token belongs to .*username: expected string, received undefined/);
	});

	it('shows the first bytes of an answer without the escape sequences in it', async () => {
		const org = await orgThat((url) => (isUserListing(url) ? {contentType: 'text/plain', body: 'Hello \u001B]0;owned\u0007there\u001B[2J\r\nmore'} : undefined));
		const description = describeSalesforceError(await failureOf(fetchSalesforceUsers(connect(org.instanceUrl))));
		expect(description.code).toBe('NOT_JSON');
		expect(description.message).toContain('starting "Hello there more"');
		expect(description.message).not.toMatch(/[\u0000-\u001F\u007F]/);
	});
});

describe('paging that would not end stops, with a clear message', () => {
	const page = (nextRecordsUrl: string, records = [userRecord(1)]) => json({totalSize: 5000, done: false, nextRecordsUrl, records});

	it('stops when the org sends the same next page again', async () => {
		const org = await orgThat((url) => (isUserListing(url) ? page('/services/data/v62.0/query/01g-same') : undefined));
		const description = describeSalesforceError(await failureOf(fetchSalesforceUsers(connect(org.instanceUrl))));
		expect(description).toMatchObject({code: 'ENDLESS_PAGING', retryable: false});
		expect(description.message).toMatch(/does not end \(it sent the same next page twice, after page 2\); nothing was taken from it/);
		expect(org.requests).toBe(2);
	});

	it('stops when more users arrive than the org announced', async () => {
		let next = 0;
		const org = await orgThat((url) => (isUserListing(url) ? json({totalSize: 3, done: false, nextRecordsUrl: `/services/data/v62.0/query/01g-${++next}`, records: [userRecord(2 * next), userRecord(2 * next + 1)]}) : undefined));
		const description = describeSalesforceError(await failureOf(fetchSalesforceUsers(connect(org.instanceUrl))));
		expect(description.message).toMatch(/does not end \(4 users arrived of the 3 it announced\)/);
		expect(org.requests).toBe(2);
	});

	it('stops after the most pages the announced total can need, when every page is new and empty', async () => {
		let next = 0;
		const org = await orgThat((url) => (isUserListing(url) ? page(`/services/data/v62.0/query/01g-${++next}`, []) : undefined));
		const description = describeSalesforceError(await failureOf(fetchSalesforceUsers(connect(org.instanceUrl))));
		// 5,000 users in batches of at least 200: 25 pages, and one to spare.
		expect(description.message).toMatch(/does not end \(26 pages for 5,000 users, and still not done\)/);
		expect(org.requests).toBe(26);
	});
});

describe('time limits say which one ran out', () => {
	it('a server that never answers: the time-out per request, retried, then named with the variable that sets it', async () => {
		const org = await orgThat(() => 'never');
		const error = await failureOf(fetchOrgOverview(connect(org.instanceUrl, {requestTimeoutMs: 300})));
		const description = describeSalesforceError(error);
		expect(description).toMatchObject({code: 'REQUEST_TIMEOUT', retryable: true});
		expect(description.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+ did not answer the REST API resources \(the connection test\) within 300 ms \(the time-out per request, set by SALESSCREEN_REQUEST_TIMEOUT\)/);
		// Three attempts: the connection test's retries.
		expect(org.requests).toBe(3);
	});

	it('a listing that runs past its deadline stops at once, whatever request was in flight', async () => {
		const org = await orgThat(() => 'never');
		const error = await failureOf(fetchSalesforceUsers(connect(org.instanceUrl, {requestTimeoutMs: 60_000, deadlineMs: 300})));
		const description = describeSalesforceError(error);
		expect(description).toMatchObject({code: 'DEADLINE_EXCEEDED', retryable: false});
		expect(description.message).toMatch(/^Listing the org's users did not finish within 300 ms \(its deadline, set by SALESSCREEN_DEADLINE\)/);
		expect(org.requests).toBe(1);
	});
});

describe('plain HTTP outside this machine', () => {
	it.each(['http://example.com', 'http://10.0.0.7:8080'])('is refused for an org at %s before any request', (instanceUrl) => {
		let error: unknown;
		try {
			openConnection({instanceUrl, accessToken: 'token'});
		} catch (caught: unknown) {
			error = caught;
		}

		expect(describeSalesforceError(error)).toMatchObject({code: 'INSECURE_URL', message: expect.stringMatching(/is not HTTPS; Salesforce signs in over HTTPS only/) as unknown});
	});
});
