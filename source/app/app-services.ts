import type {ImportContext} from '../core/import-context.js';
import type {ActivityOwners, ActivityScope} from '../core/sync-scope.js';
import type {PlanCounts, PlanEntry} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {SettingsValues as AppSettingsValues} from './ports/settings-port.js';
import type {ConnectionMethod, DeviceCode, OrgOverview} from './ports/org-connections.js';
import type {LoadProgress, RetryNotice, UserPart} from './ports/salesforce-directory.js';
import type {OperatorRightsQuery, PeopleActions, TeamActions, TeamPlacement} from './directory-actions.js';

export type {ConnectionMethod, DeviceCode, OrgOverview} from './ports/org-connections.js';
export type {LoadProgress, RetryNotice} from './ports/salesforce-directory.js';

/** Which org the app talks to, and how it got there, as the header and Overview describe it. */
export type OrgDescription = {
	instanceUrl: string;
	isDemo: boolean;
	/** The built-in demo org, the connection saved by Connect, or --instance-url/--access-token for this run. */
	source: 'demo' | 'saved' | 'flags';
	method?: ConnectionMethod;
	loginUrl?: string;
	username?: string;
	/** ISO time of the connection, for a saved one. */
	connectedAt?: string;
};

export type JwtConnectRequest = {loginUrl: string; clientId: string; username: string; privateKeyFile: string};
export type TokenConnectRequest = {instanceUrl: string; accessToken: string};

/** Connecting and disconnecting from the app; each success saves the connection and switches the app to it. */
export type ConnectionActions = {
	requestDeviceCode: (loginUrl: string, clientId: string) => Promise<DeviceCode>;
	/** Polls until approved, denied, expired or cancelled (signal). */
	completeDeviceLogin: (loginUrl: string, clientId: string, code: DeviceCode, options: {signal: AbortSignal; onWait?: (seconds: number) => void}) => Promise<OrgOverview>;
	connectWithJwt: (request: JwtConnectRequest) => Promise<OrgOverview>;
	connectWithToken: (request: TokenConnectRequest) => Promise<OrgOverview>;
	/** Logs out at Salesforce (false when it could not be told), forgets the connection, and goes back to the demo org. */
	disconnect: () => Promise<boolean>;
};

export type ImportProgress = {done: number; total: number};

export type ImportSummary = {
	runId: number;
	counts: PlanCounts;
	/** What happened to each selected user, in the order they were selected. */
	outcomes: readonly PlanEntry[];
	/** What the team-from-Salesforce setting did afterwards; error when that failed (the import itself stands). */
	teams?: TeamPlacement & {error?: string};
	/** Of the people the run created or mapped, those on no team afterwards: their sales activity is not counted. */
	onNoTeam?: number;
};

/** The newest automatic run, as the Settings tab reports it. */
export type AutomaticSyncSummary = {
	startedAt: string;
	status: 'completed' | 'failed' | 'held' | 'released' | 'undone';
	created: number;
	mapped: number;
	skipped: number;
	error: string | null;
};

/** One import run as the History tab lists it. Mode and status are the store's words (manual, auto, undo; completed, failed, held, undone). */
export type RunSummary = {
	id: number;
	mode: string;
	status: string;
	operator: string;
	startedAt: string;
	selected: number;
	created: number;
	mapped: number;
	alreadyImported: number;
	skipped: number;
	/** People an automatic run made inactive, or active again. */
	deactivated: number;
	reactivated: number;
	error: string | null;
};

/** What a run did to one Salesforce user. */
export type RunOutcome = {
	salesforceUserId: string;
	salesforceName: string;
	email: string | null;
	outcome: string;
	reason: string | null;
	detail: string | null;
	/** Mapped by the admin's own choice rather than by email. */
	manual: boolean;
};

export type UndoSummary = {
	undoneRunId: number;
	removedPeople: number;
	removedLinks: number;
	keptPeople: ReadonlyArray<{name: string; reason: string}>;
};

/** The audit trail, and the two ways of changing it after the fact. */
export type HistoryActions = {
	listRuns: () => RunSummary[];
	runOutcomes: (runId: number) => RunOutcome[];
	/** Rejects with a reason a person understands when there is nothing to undo. */
	undoLastRun: () => Promise<UndoSummary>;
	/** Runs the held automatic sync after all; resolves to a one-line summary. */
	releaseHeldSync: () => Promise<string>;
};

/** An existing SalesScreen person, as the manual-mapping picker offers them. */
export type PersonChoice = {id: number; name: string; email: string; linkedSalesforceUserId: string | null};

/** The admin's own decisions for single Salesforce users, which the import follows over email matching. */
export type MappingActions = {
	searchPeople: (query: string, limit: number) => PersonChoice[];
	/** Throws with the reason when the person cannot take this user (linked to another, say). */
	mapTo: (salesforceUserId: string, personId: number) => void;
	ignore: (salesforceUserId: string) => void;
	clear: (salesforceUserId: string) => void;
};

export type {SettingsValues as AppSettingsValues} from '../app/ports/settings-port.js';

/**
 * Everything the screens may ask of the world outside them. The CLI builds it from the real adapters;
 * the UI only calls it and renders what comes back.
 */
export type AppServices = {
	org: OrgDescription;
	/** The operating-system login running the app; recorded on every import. */
	operator: string;
	dataFolder: string;
	/** How many demo people were seeded into the store on this first run (0 when none). */
	demoPeopleSeeded: number;
	/** Streams a part of the org's users (default the importable ones: active Standard users). */
	fetchUsers: (onBatch: (batch: SalesforceUser[], progress: LoadProgress) => void, signal: AbortSignal, onRetry?: (notice: RetryNotice) => void, part?: UserPart) => Promise<void>;
	fetchOverview: (onRetry?: (notice: RetryNotice) => void) => Promise<OrgOverview>;
	/** The ids of the users who own recent activity in the objects the activity scope names. */
	fetchActivityOwners: (activity: ActivityScope, signal: AbortSignal) => Promise<ActivityOwners>;
	/** When a call to the org last succeeded in this run. */
	lastSuccessfulCall: () => Date | undefined;
	/** Called when the app is switched to another org; returns the unsubscribe. */
	onOrgChange: (listener: () => void) => () => void;
	connections: ConnectionActions;
	/** Whether the operator may change things; every changing service also checks it and throws a NotAdminError. */
	operatorRights: OperatorRightsQuery;
	people: PeopleActions;
	teams: TeamActions;
	history: HistoryActions;
	mappings: MappingActions;
	loadImportContext: () => ImportContext;
	/**
	 * Throws an OrgSwitchError (its message says which orgs) when the store holds another org's people,
	 * unless `switchOrg`: the admin confirmed that this store takes this org's users from now on. onWait: the
	 * import waits for another run holding the store, and says for whom.
	 */
	importUsers: (
		users: readonly SalesforceUser[],
		onProgress: (progress: ImportProgress) => void,
		options?: {switchOrg?: boolean; onWait?: (message: string) => void},
	) => Promise<ImportSummary>;
	lastAutomaticSync: () => AutomaticSyncSummary | undefined;
	readSettings: () => AppSettingsValues;
	writeSetting: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => void;
	/** One sentence an admin understands, for any error the services throw. */
	describeError: (error: unknown) => string;
	/** Whether only connecting again can cure the error (a revoked or refused session). */
	needsReconnect: (error: unknown) => boolean;
};
