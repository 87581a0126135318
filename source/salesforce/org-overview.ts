import type {Connection} from 'jsforce';

export type OrgOverview = {
	orgId: string;
	orgName: string;
	isSandbox: boolean;
	userId: string;
	username: string;
	displayName: string;
	/** From the Sforce-Limit-Info header of the last call; undefined when the org did not send it. */
	apiUsage: {used: number; max: number} | undefined;
};

type IdentityResponse = {user_id: string; organization_id: string; username: string; display_name: string};
type OrganizationRecord = {Id: string; Name: string; IsSandbox: boolean};

/**
 * A connection test answers within seconds: one retry (jsforce's default is five, with back-off, which
 * leaves an unreachable org unanswered for 15 s). The user list keeps jsforce's patience.
 */
const requestOptions = {retry: {maxRetries: 1}};

/** Who the connection is, in which org, and how much of the day's API allowance is used. */
export async function fetchOrgOverview(connection: Connection): Promise<OrgOverview> {
	const base = `/services/data/v${connection.version}`;
	// The version resource is a REST call, so an expired session is renewed here before the identity URL is asked.
	const resources = await connection.request<{identity: string}>({method: 'GET', url: `${base}/`}, requestOptions);
	const identity = await connection.request<IdentityResponse>({method: 'GET', url: `${resources.identity}?format=json`}, requestOptions);
	const soql = 'SELECT Id, Name, IsSandbox FROM Organization';
	const organizations = await connection.request<{records: OrganizationRecord[]}>(
		{method: 'GET', url: `${base}/query?q=${encodeURIComponent(soql)}`},
		requestOptions,
	);
	const organization = organizations.records[0];
	const usage = connection.limitInfo.apiUsage;
	return {
		orgId: organization?.Id ?? identity.organization_id,
		orgName: organization?.Name ?? '',
		isSandbox: organization?.IsSandbox === true,
		userId: identity.user_id,
		username: identity.username,
		displayName: identity.display_name,
		apiUsage: usage ? {used: usage.used, max: usage.limit} : undefined,
	};
}
