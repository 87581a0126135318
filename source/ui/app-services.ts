import type {ImportContext} from '../core/import-context.js';
import type {PlanCounts, PlanEntry} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {OrgOverview} from '../salesforce/org-overview.js';
import type {LoadProgress} from '../salesforce/user-source.js';

export type {OrgOverview} from '../salesforce/org-overview.js';
export type {LoadProgress} from '../salesforce/user-source.js';

/** Which org the app talks to, as the header and Overview describe it. */
export type OrgDescription = {
	instanceUrl: string;
	isDemo: boolean;
};

export type ImportProgress = {done: number; total: number};

export type ImportSummary = {
	runId: number;
	counts: PlanCounts;
	/** What happened to each selected user, in the order they were selected. */
	outcomes: readonly PlanEntry[];
};

/** The newest automatic run, as the Settings tab reports it. */
export type AutomaticSyncSummary = {
	startedAt: string;
	status: 'completed' | 'failed';
	created: number;
	mapped: number;
	skipped: number;
	error: string | null;
};

export type AppSettingsValues = {
	autoSync: boolean;
	/** 0 fits the page to the terminal. */
	pageSize: number;
	showAllUsers: boolean;
};

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
	fetchUsers: (onBatch: (batch: SalesforceUser[], progress: LoadProgress) => void, signal: AbortSignal) => Promise<void>;
	fetchOverview: () => Promise<OrgOverview>;
	loadImportContext: () => ImportContext;
	importUsers: (users: readonly SalesforceUser[], onProgress: (progress: ImportProgress) => void) => Promise<ImportSummary>;
	lastAutomaticSync: () => AutomaticSyncSummary | undefined;
	readSettings: () => AppSettingsValues;
	writeSetting: <K extends keyof AppSettingsValues>(key: K, value: AppSettingsValues[K]) => void;
	/** One sentence an admin understands, for any error the services throw. */
	describeError: (error: unknown) => string;
};
