import type {AdminRights} from './admin-rights.js';

/** Who the connection is, in which org, whether they may list users, and how much of the day's API allowance is used. */
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
