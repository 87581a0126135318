import {z} from 'zod';
import {afterEach, describe, expect, it} from 'vitest';
import {openConnection} from '../../source/salesforce/connection.js';
import {restGet} from '../../source/salesforce/rest-get.js';
import {classifySalesforceError} from '../../source/salesforce/salesforce-error-class.js';
import {withRetries} from '../../source/salesforce/with-retries.js';
import {failureOf} from '../support/failure-of.js';
import {startMisbehavingOrg, type Reply} from './misbehaving-org.js';

const servers: Array<{close: () => Promise<unknown>}> = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => server.close()));
});

/** An org that answers every request with this Salesforce error: its code, and whatever words it likes. */
async function orgFailingWith(status: number, errorCode: string, message: string) {
	const reply: Reply = {status, body: JSON.stringify([{errorCode, message}])};
	const org = await startMisbehavingOrg(() => reply);
	servers.push(org);
	return org;
}

async function askLimits(instanceUrl: string) {
	const connection = openConnection({instanceUrl, accessToken: 'token'});
	return failureOf(
		withRetries(async () => restGet(connection, `/services/data/v${connection.version}/limits`, {schema: z.unknown(), asked: 'the limits', kind: 'connection-test'}), {
			retries: 2,
			minTimeoutMs: 1,
		}),
	);
}

// Salesforce's words are for people and change between releases; whether to try again is read from the error's code.
describe('the retry policy reads the failure’s code, never its words', () => {
	it('retries a server failure worded like a refused session renewal or a revoked token', async () => {
		const org = await orgFailingWith(503, 'SERVER_UNAVAILABLE', 'Unable to refresh session due to: expired access/refresh token');
		const error = await askLimits(org.instanceUrl);
		expect(org.requests).toBe(3);
		expect(classifySalesforceError(error)).toEqual({code: 'SERVER_UNAVAILABLE', retryable: true});
	});

	it('does not retry a refusal worded like a network failure', async () => {
		const org = await orgFailingWith(403, 'INSUFFICIENT_ACCESS', 'request failed, reason: read ECONNRESET (fetch failed, timeout)');
		const error = await askLimits(org.instanceUrl);
		expect(org.requests).toBe(1);
		expect(classifySalesforceError(error)).toEqual({code: 'INSUFFICIENT_ACCESS', retryable: false});
	});

	it('retries a server failure worded like a refused Lightning address', async () => {
		const org = await orgFailingWith(400, 'SERVER_UNAVAILABLE', 'lightning URLs are not valid');
		const error = await askLimits(org.instanceUrl);
		expect(org.requests).toBe(3);
		expect(classifySalesforceError(error).code).toBe('SERVER_UNAVAILABLE');
	});
});
