import type {ImportContext} from '../core/import-context.js';
import type {ActivityOwners, ActivityScope} from '../core/sync-scope.js';
import type {PlanCounts, PlanEntry} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {SettingsValues as AppSettingsValues} from './ports/settings-port.js';
import type {ConnectionMethod, DeviceCode, JwtConnectRequest, OrgOverview, TokenConnectRequest} from './ports/org-connections.js';
import type {LoadProgress, RetryNotice, UserPart} from './ports/salesforce-directory.js';
import type {OperatorRights} from '../core/admin-policy.js';
import type {TeamPlacement} from '../core/team-placement.js';
import type {AutomaticSyncSummary, HistoryActions} from './history.js';
import type {MappingActions} from './manual-mappings.js';
import type {PeopleActions} from './people.js';
import type {TeamActions} from './teams.js';

export type {ConnectionMethod, DeviceCode, OrgOverview} from './ports/org-connections.js';
export type {LoadProgress, RetryNotice} from './ports/salesforce-directory.js';
export type {OperatorRights} from '../core/admin-policy.js';
export type {PersonInput} from '../core/person-form.js';
export type {PersonHistoryEntry, PersonListing, TeamListing} from '../core/person.js';
export type {TeamPlacement, TeamPlacementPreview, TeamRule} from '../core/team-placement.js';
export type {AutomaticSyncSummary, HistoryActions, RunOutcome, RunSummary, UndoSummary} from './history.js';
export type {MappingActions} from './manual-mappings.js';
export type {PersonMatch as PersonChoice} from './ports/directory-store.js';
export type {PeopleActions} from './people.js';
export type {TeamActions} from './teams.js';

/** Whether the operator may change things, read afresh each call: another admin may have just changed it. */
export type OperatorRightsQuery = () => Promise<OperatorRights>;

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

export type {JwtConnectRequest, TokenConnectRequest} from './ports/org-connections.js';

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
	/**
	 * The SalesScreen store in use, in words (host and database, never a password). `shared`: a database
	 * other instances may use too (PostgreSQL), which the header says, since another admin's changes show up.
	 */
	store: {name: string; shared: boolean};
	/** How many demo people were seeded into the store on this first run (0 when none). */
	demoPeopleSeeded: number;
	/** Streams a part of the org's users (default the importable ones: active Standard users). */
	fetchUsers: (
		onBatch: (batch: SalesforceUser[], progress: LoadProgress) => void,
		signal: AbortSignal,
		onRetry?: (notice: RetryNotice) => void,
		part?: UserPart,
		/** Told when the listing goes on over the REST query because the org would not run it in Bulk. */
		onNotice?: (message: string) => void,
	) => Promise<void>;
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
	/** What import planning reads of the store now, with the rules the settings and the org choose. */
	loadImportContext: () => Promise<ImportContext>;
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
	lastAutomaticSync: () => Promise<AutomaticSyncSummary | undefined>;
	readSettings: () => AppSettingsValues;
	/** Rejects with a NotAdminError for a setting that changes what SalesScreen does, unless the operator is an admin. */
	writeSetting: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => Promise<void>;
	/** One sentence an admin understands, for any error the services throw. */
	describeError: (error: unknown) => string;
	/** Whether only connecting again can cure the error (a revoked or refused session). */
	needsReconnect: (error: unknown) => boolean;
};
