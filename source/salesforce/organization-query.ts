import type {Connection} from 'jsforce';
import {restGet} from './rest-get.js';
import {withRetries, type RetryPolicy} from './with-retries.js';

/** The org's own facts that import planning depends on. */
export type OrganizationFacts = {orgId: string; isSandbox: boolean};

/**
 * Which org this is and whether it is a sandbox, in one query. Asked once per command run: a sandbox's user
 * emails end in `.invalid`, which matching must remove, and an automatic sync's memory belongs to one org.
 */
export async function fetchOrganizationFacts(connection: Connection, policy: RetryPolicy = {}): Promise<OrganizationFacts> {
	const soql = 'SELECT Id, IsSandbox FROM Organization';
	const result = await withRetries(
		async () => restGet<{records: Array<{Id: string; IsSandbox: boolean}>}>(connection, `/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`),
		{retries: 2, minTimeoutMs: 300, ...policy},
	);
	const organization = result.records[0];
	return {orgId: organization?.Id ?? '', isSandbox: organization?.IsSandbox === true};
}
