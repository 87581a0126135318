import type {Connection} from 'jsforce';
import type {AdminRights} from '../core/admin-rights.js';
import {fetchAdminRights} from './admin-rights-query.js';
import {restGet} from './rest-get.js';
import {withRetries, type RetryPolicy} from './with-retries.js';

export type OrgOverview = {
	orgId: string;
	orgName: string;
	isSandbox: boolean;
	instanceUrl: string;
	userId: string;
	username: string;
	displayName: string;
	/** Whether the connected user may list the org's users, and what grants it. */
	adminRights: AdminRights;
	/** From the Sforce-Limit-Info header of the last call; undefined when the org did not send it. */
	apiUsage: {used: number; max: number} | undefined;
	/** When these facts were read: the last call known to have succeeded. */
	checkedAt: Date;
};

type IdentityResponse = {user_id: string; organization_id: string; username: string; display_name: string};
type OrganizationRecord = {Id: string; Name: string; IsSandbox: boolean};

/**
 * A connection test answers within seconds: two quick retries, where a user listing gets more patience
 * (an unreachable org would otherwise stay unanswered for a quarter of a minute).
 */
const overviewPolicy: RetryPolicy = {retries: 2, minTimeoutMs: 300};

/** Who the connection is, in which org, whether they may list users, and how much of the day's API allowance is used. */
export async function fetchOrgOverview(connection: Connection, policy: RetryPolicy = {}): Promise<OrgOverview> {
	const options = {...overviewPolicy, ...policy};
	const get = async <T>(url: string) => withRetries(async () => restGet<T>(connection, url), options);
	const base = `/services/data/v${connection.version}`;
	// The version resource is a REST call, so an expired session is renewed here before the identity URL is asked.
	const resources = await get<{identity: string}>(`${base}/`);
	const identity = await get<IdentityResponse>(`${resources.identity}?format=json`);
	const [organizations, adminRights] = await Promise.all([
		get<{records: OrganizationRecord[]}>(`${base}/query?q=${encodeURIComponent('SELECT Id, Name, IsSandbox FROM Organization')}`),
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
}
