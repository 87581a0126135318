import type {z} from 'zod';
import type {Connection} from 'jsforce';
import type {OrgOverview} from '../core/org-overview.js';
import {fetchAdminRights} from './admin-rights-query.js';
import {identity as identitySchema, organizationPage, versionResources} from './answer-schemas.js';
import {callLimitsOf, withinDeadline} from './call-limits.js';
import {restGet} from './rest-get.js';
import {withRetries, type RetryPolicy} from './with-retries.js';

export type {OrgOverview} from '../core/org-overview.js';

/**
 * A connection test answers within seconds: two quick retries, where a user listing gets more patience
 * (an unreachable org would otherwise stay unanswered for a quarter of a minute).
 */
const overviewPolicy: RetryPolicy = {retries: 2, minTimeoutMs: 300};

/** Who the connection is, in which org, whether they may list users, and how much of the day's API allowance is used. */
export async function fetchOrgOverview(connection: Connection, policy: RetryPolicy = {}): Promise<OrgOverview> {
	const limits = callLimitsOf(connection);
	return withinDeadline('connection-test', {limits, target: new URL(connection.instanceUrl).origin, signal: policy.signal}, async (signal) => {
		const options: RetryPolicy = {...overviewPolicy, ...(limits.retryDelayMs === undefined ? {} : {minTimeoutMs: limits.retryDelayMs}), ...policy, signal};
		const get = async <T>(url: string, schema: z.ZodType<T>, asked: string) =>
			withRetries(async () => restGet(connection, url, {schema, asked, kind: 'connection-test', signal}), options);
		const base = `/services/data/v${connection.version}`;
		// The version resource is a REST call, so an expired session is renewed here before the identity URL is asked.
		const resources = await get(`${base}/`, versionResources, 'the REST API resources (the connection test)');
		const identity = await get(`${resources.identity}?format=json`, identitySchema, 'who the access token belongs to');
		const [organizations, adminRights] = await Promise.all([
			get(`${base}/query?q=${encodeURIComponent('SELECT Id, Name, IsSandbox FROM Organization')}`, organizationPage, "the org's name and id"),
			fetchAdminRights(connection, identity.user_id, identity.username, options),
		]);
		const organization = organizations.records[0];
		const usage = connection.limitInfo.apiUsage;
		return {
			orgId: organization?.Id ?? identity.organization_id,
			orgName: organization?.Name ?? '',
			isSandbox: organization?.IsSandbox === true,
			instanceUrl: connection.instanceUrl,
			userId: identity.user_id,
			username: identity.username,
			displayName: identity.display_name,
			adminRights,
			apiUsage: usage ? {used: usage.used, max: usage.limit} : undefined,
			checkedAt: new Date(),
		};
	});
}
