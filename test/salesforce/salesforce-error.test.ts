import {createServer} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {openConnection} from '../../source/salesforce/connection.js';
import {fetchOrgOverview} from '../../source/salesforce/org-overview.js';
import {describeSalesforceError} from '../../source/salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from '../../source/salesforce/user-source.js';

let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 50});
});

afterAll(async () => {
	await org.close();
});

async function failure(work: () => PromiseLike<unknown>): Promise<Error> {
	try {
		await work();
	} catch (error: unknown) {
		return error as Error;
	}

	throw new Error('expected the call to fail');
}

function connect(accessToken = org.accessToken) {
	return openConnection({instanceUrl: org.instanceUrl, accessToken});
}

/** A port on which nothing listens: taken from the system, then released. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

function expectOneSentence(message: string) {
	expect(message).not.toContain('\n');
	expect(message.length).toBeGreaterThan(20);
	expect(message).toMatch(/[.)]$/);
}

describe('Salesforce errors through jsforce', () => {
	it('a wrong access token arrives as INVALID_SESSION_ID', async () => {
		const error = await failure(() => fetchSalesforceUsers(connect('00Dwrong!token')));
		expect(error.name).toBe('INVALID_SESSION_ID');
		const described = describeSalesforceError(error);
		expect(described).toMatchObject({code: 'INVALID_SESSION_ID', retryable: false});
		expect(described.message).toContain('access token');
		expectOneSentence(described.message);
	});

	it.each([
		['SELECT Id FROM User WHERE', 'MALFORMED_QUERY', 'bug'],
		['SELECT Id, Nickname FROM User', 'INVALID_FIELD', "No such column 'Nickname' on entity 'User'"],
		['SELECT Id FROM User ORDER BY Id OFFSET 2500', 'NUMBER_OUTSIDE_VALID_RANGE', 'Maximum SOQL offset allowed is 2000'],
		['SELECT Id FROM Userz', 'INVALID_TYPE', "sObject type 'Userz' is not supported"],
	])('%s arrives as %s', async (soql, code, wording) => {
		const error = await failure(() => connect().query(soql));
		expect(error.name).toBe(code);
		const described = describeSalesforceError(error);
		expect(described.code).toBe(code);
		expect(described.retryable).toBe(false);
		expect(described.message).toContain(wording);
		expectOneSentence(described.message);
	});

	it('the daily API limit arrives as REQUEST_LIMIT_EXCEEDED, worth retrying later', async () => {
		const limited = await startDemoOrg({users: 5, apiDailyLimit: 1});
		try {
			const connection = openConnection({instanceUrl: limited.instanceUrl, accessToken: limited.accessToken});
			await connection.query('SELECT COUNT() FROM User');
			const error = await failure(() => connection.query('SELECT COUNT() FROM User'));
			expect(error.name).toBe('REQUEST_LIMIT_EXCEEDED');
			expect(describeSalesforceError(error)).toMatchObject({code: 'REQUEST_LIMIT_EXCEEDED', retryable: true});
		} finally {
			await limited.close();
		}
	});

	it('an unreachable port arrives as a connection refused, with where it was tried', async () => {
		const port = await closedPort();
		const connection = openConnection({instanceUrl: `http://127.0.0.1:${port}`, accessToken: org.accessToken});
		const error = await failure(() => fetchOrgOverview(connection));
		const described = describeSalesforceError(error);
		expect(described).toMatchObject({code: 'ECONNREFUSED', retryable: true});
		expect(described.message).toContain(`http://127.0.0.1:${port}`);
		expectOneSentence(described.message);
	});

	it('a refresh token Salesforce refuses arrives as a failed renewal (invalid_grant)', async () => {
		const connection = openConnection({
			instanceUrl: org.instanceUrl,
			accessToken: 'expired',
			refreshToken: 'revoked',
			clientId: org.clientId,
		});
		const error = await failure(() => connection.query('SELECT Id FROM User LIMIT 1'));
		expect(error.message).toContain('expired access/refresh token');
		const described = describeSalesforceError(error);
		expect(described).toMatchObject({code: 'invalid_grant', retryable: false});
		expectOneSentence(described.message);
	});

	it('an OAuth error from the token endpoint is described by its error code', async () => {
		const connection = openConnection({instanceUrl: org.instanceUrl, accessToken: 'x', refreshToken: org.refreshToken, clientId: 'not-the-app'});
		const error = await failure(() => connection.oauth2.refreshToken(org.refreshToken));
		expect(error.name).toBe('invalid_client_id');
		expect(describeSalesforceError(error)).toMatchObject({code: 'invalid_client_id', retryable: false});
	});
});

describe('describeSalesforceError without a server', () => {
	it('reads network failures from fetch as well', () => {
		const reset = Object.assign(new TypeError('fetch failed'), {cause: Object.assign(new Error('read ECONNRESET'), {code: 'ECONNRESET'})});
		expect(describeSalesforceError(reset)).toMatchObject({code: 'ECONNRESET', retryable: true});
		const timeout = Object.assign(new Error('request to https://acme.my.salesforce.com/services/data failed, reason: connect ETIMEDOUT 1.2.3.4:443'), {name: 'FetchError', code: 'ETIMEDOUT'});
		const described = describeSalesforceError(timeout);
		expect(described).toMatchObject({code: 'ETIMEDOUT', retryable: true});
		expect(described.message).toContain('https://acme.my.salesforce.com');
		const dns = Object.assign(new Error('getaddrinfo ENOTFOUND acme.my.salesforce.con'), {code: 'ENOTFOUND'});
		expect(describeSalesforceError(dns)).toMatchObject({code: 'ENOTFOUND', retryable: false});
	});

	it('keeps the message of errors it does not know, and copes with non-errors', () => {
		expect(describeSalesforceError(new Error('Users file ./u.json does not exist.'))).toEqual({
			code: 'UNKNOWN',
			message: 'Users file ./u.json does not exist.',
			retryable: false,
		});
		expect(describeSalesforceError(undefined)).toMatchObject({code: 'UNKNOWN', retryable: false});
		expect(describeSalesforceError('boom').message).toBe('boom');
	});

	it('explains a Lightning URL given as the instance URL', () => {
		const error = new Error('lightning URLs are not valid as instance URLs');
		expect(describeSalesforceError(error).message).toContain('my.salesforce.com');
	});
});
