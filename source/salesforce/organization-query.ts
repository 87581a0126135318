import type {Connection} from 'jsforce';
import {organizationFactsPage} from './answer-schemas.js';
import {callLimitsOf, withinDeadline} from './call-limits.js';
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
	const limits = callLimitsOf(connection);
	const result = await withinDeadline('organization-facts', {limits, target: new URL(connection.instanceUrl).origin, signal: policy.signal}, async (signal) =>
		withRetries(
			async () =>
				restGet(connection, `/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`, {
					schema: organizationFactsPage,
					asked: "the org's id and whether it is a sandbox",
					kind: 'organization-facts',
					signal,
				}),
			{retries: 2, minTimeoutMs: limits.retryDelayMs ?? 300, ...policy, signal},
		),
	);
	const organization = result.records[0]!;
	return {orgId: organization.Id, isSandbox: organization.IsSandbox};
}
