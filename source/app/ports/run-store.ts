import type {ImportContext, PlanRules} from '../../core/import-context.js';
import type {PlanEntry} from '../../core/import-plan.js';
import type {OrgIdentity} from '../../core/org-switch.js';
import type {SalesforceUser} from '../../core/salesforce-user.js';
import type {LinkedPerson, StatusChange} from '../../core/status-changes.js';
import type {SyncMemory} from '../../core/sync-kind.js';
import type {TeamPlacement, TeamRule} from '../../core/team-placement.js';
import type {CreatedPersonFacts} from '../../core/undo-keep.js';
import type {UndoableRun} from '../../core/undo-target.js';

export type RunMode = 'manual' | 'auto' | 'undo';

/** Who holds (or asks for) the write lock, so that a writer that has to wait can say for whom. */
export type RunHolder = {operator: string; mode: RunMode; startedAt: string};

/** A run as it is recorded when it fails before or while writing. */
export type FailedRun = RunHolder & {selectedCount: number};

export type NewRun = RunHolder & {
	status: 'completed' | 'held';
	selectedCount: number;
	syncKind?: 'full' | 'incremental';
	note?: string | null;
	releasesRunId?: number | null;
};

export type RunCounts = {created: number; mapped: number; alreadyImported: number; skipped: number; deactivated: number; reactivated: number};

export type SyncProgress = {kind: 'full' | 'incremental'; highWaterMark: string | null; fingerprint: string; at: string};

export type KeptPerson = {personId: number; name: string; reason: string};

export type UndoneRun = {
	undoneRunId: number;
	/** The run that records the undo itself (mode `undo`). */
	recordRunId: number;
	removedPeople: number;
	removedLinks: number;
	keptPeople: KeptPerson[];
};

/** A manual or automatic run, completed or undone, as undo looks for the one it reverses. */
export type PastRun = UndoableRun & {id: number; finishedAt: string | null; undoneBy: number | null};

/** What the store holds that planning an import or a sync reads. */
export type RunReads = {
	importContext: (rules?: Partial<PlanRules>) => Promise<ImportContext>;
	/** Linked people by their Salesforce user's id, with what deactivation needs to know. */
	linkedPeople: () => Promise<Map<string, LinkedPerson>>;
	syncMemory: () => Promise<SyncMemory>;
	/** The names of the teams there are now. */
	teamNames: () => Promise<string[]>;
	/** Throws OrgSwitchError unless a run may write this org's users into the store (another org needs switchOrg). */
	assertOrgMatches: (org: OrgIdentity, switchOrg: boolean) => Promise<void>;
};

/**
 * The writes of a run, available only while it holds the write lock: they are one transaction, committed
 * when the work resolves and rolled back, all of it, when it throws.
 */
export type RunWrites = RunReads & {
	/** The same check under the lock, and the org remembered from now on when it is the first (or an admitted other). */
	claimOrg: (org: OrgIdentity, switchOrg: boolean) => Promise<void>;
	insertRun: (run: NewRun) => Promise<number>;
	/** Creates people, links users, fills mapped people's fields, and records each outcome. */
	writeEntries: (runId: number, entries: readonly PlanEntry[], at: string) => Promise<void>;
	/** Records what the entries would have done, changing nothing else (a held run). */
	recordEntries: (runId: number, entries: readonly PlanEntry[]) => Promise<void>;
	writeStatusChanges: (runId: number, changes: readonly StatusChange[], at: string) => Promise<void>;
	recordStatusChanges: (runId: number, changes: readonly StatusChange[]) => Promise<void>;
	finishRun: (runId: number, counts: RunCounts, at: string) => Promise<void>;
	/** The newest held automatic run no automatic run completed after: the one a confirmed sync releases. */
	pendingHeldRun: () => Promise<number | undefined>;
	markReleased: (heldRunId: number, note: string) => Promise<void>;
	recordSyncProgress: (progress: SyncProgress) => Promise<void>;
	/** The newest manual or automatic run, completed or undone, that `matches`. */
	newestRunWhere: (matches: (run: PastRun) => boolean) => Promise<PastRun | undefined>;
	/**
	 * Reverses that run, recorded as a run of its own (mode `undo`, undoes_run_id, note), the target's status
	 * becoming `undone`: every link it made is removed; a person it mapped stays and gets back the fields it
	 * filled (unless edited since); a person it created is removed unless `keepReason` (the use case's rule,
	 * core/undo-keep.ts, asked with that person's facts) gives a reason, and then kept, without the link, and
	 * reported; people it made inactive are active again and people it reactivated inactive again, unless
	 * changed since. The store gathers the facts and executes; it decides nothing itself.
	 */
	undoRun: (
		target: {runId: number; finishedAt: string | null},
		operator: string,
		at: string,
		keepReason: (person: CreatedPersonFacts, runFinishedAt: string) => string | undefined,
	) => Promise<UndoneRun>;
};

/** The outcome of asking for the write lock once: the work's result, or who holds the lock now. */
export type LockAttempt<T> = {acquired: true; value: T} | {acquired: false; holder: RunHolder | undefined};

/**
 * The store as runs (import, sync, undo) use it. One writer at a time: `tryWriteLock` either runs the work
 * in one transaction holding the store's write lock, or says at once who holds it (undefined when that is
 * not known, e.g. another program). Waiting is the caller's policy, not the store's.
 */
export type RunStore = RunReads & {
	tryWriteLock: <T>(holder: RunHolder, work: (writes: RunWrites) => Promise<T>) => Promise<LockAttempt<T>>;
	/**
	 * Records a run that wrote nothing, with why. Never throws: when the store cannot take it now (another
	 * writer holds the lock), it is kept and written as soon as the store can.
	 */
	recordFailedRun: (run: FailedRun, error: string, at: string) => Promise<void>;
	/** Puts the people a run created or mapped on the team the rule names, creating missing teams. */
	placeOnTeams: (runId: number, users: readonly SalesforceUser[], rule: TeamRule) => Promise<TeamPlacement>;
	/** Puts the people a run created or mapped who are on no team on the team of that name, creating it when missing. */
	placeOnDefaultTeam: (runId: number, teamName: string) => Promise<TeamPlacement>;
	/** Active people on no team, whose sales activity SalesScreen does not count: of one run's created and mapped people, or of the whole store. */
	peopleOnNoTeam: (runId?: number) => Promise<number>;
};
