import type {AdminRights} from '../../core/admin-rights.js';
import type {OrgIdentity} from '../../core/org-switch.js';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import type {ActivityScope} from '../../core/sync-scope.js';

/** A Salesforce call is being tried again, and why (the screen says which attempt is running). */
export type RetryNotice = {attempt: number; attempts: number; reason: string};

/** How far a listing is: users read so far, of how many the org says it has. */
export type LoadProgress = {
	loaded: number;
	total: number;
	/** The calls to the org this listing has cost so far (REST pages, or a Bulk job's calls), when the adapter counts them. */
	apiCalls?: number;
};

/**
 * Which of the org's users to ask Salesforce for: `importable` the active Standard users (the default listing),
 * `rest` everyone else, `standard` every Standard user, active or not (sync, which deactivates), `all` everyone.
 */
export type UserPart = 'importable' | 'rest' | 'standard' | 'all';

export type ListUsersOptions = {
	/** Which users; the adapter's default is `all`. */
	part?: UserPart;
	/** Only users changed after this moment (ISO 8601), for an incremental sync. */
	modifiedSince?: string;
	onBatch?: (batch: SalesforceUser[], progress: LoadProgress) => void;
	onRetry?: (notice: RetryNotice) => void;
	/** Told, in one sentence, when the listing changed how it reads the org (Bulk refused: it goes on over REST). */
	onNotice?: (message: string) => void;
	signal?: AbortSignal;
};

/** The connected org, as the use cases read it. */
export type SalesforceDirectory = {
	listUsers: (options?: ListUsersOptions) => Promise<SalesforceUser[]>;
	/** The users who own Opportunities, Tasks or Events (those the scope names) changed in its last N days. */
	activityOwners: (activity: ActivityScope, options?: Pick<ListUsersOptions, 'onRetry' | 'signal'>) => Promise<SalesforceUser[]>;
	/** Which org this is (id, demo or not, address) and whether it is a sandbox (its emails end in `.invalid`). */
	organizationFacts: () => Promise<{identity: OrgIdentity; isSandbox: boolean}>;
	/** Whether the connected Salesforce user may list every user of the org, which importing them needs. */
	connectedUserRights: () => Promise<AdminRights>;
};
