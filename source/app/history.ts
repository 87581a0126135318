import type {HistoryStore, OutcomeCounts, OutcomeRecord, RunFilter, RunRecord, RunRecordMode, RunRecordStatus} from './ports/history-store.js';

/** One import run as the History tab lists it. Mode and status are the store's words (manual, auto, undo; completed, failed, held, released, undone). */
export type RunSummary = {
	id: number;
	mode: RunRecordMode;
	status: RunRecordStatus;
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

/** The newest automatic run, as the Settings tab reports it: the same summary as the History tab's, in part. */
export type AutomaticSyncSummary = Pick<RunSummary, 'startedAt' | 'status' | 'created' | 'mapped' | 'skipped' | 'error'>;

/** The audit trail, and the two ways of changing it after the fact. */
export type HistoryActions = {
	listRuns: () => Promise<RunSummary[]>;
	runOutcomes: (runId: number) => Promise<RunOutcome[]>;
	/** Rejects with a reason a person understands when there is nothing to undo. */
	undoLastRun: () => Promise<UndoSummary>;
	/** Runs the held automatic sync after all; resolves to a one-line summary. */
	releaseHeldSync: () => Promise<string>;
	lastAutomaticSync: () => Promise<AutomaticSyncSummary | undefined>;
};

/** The run use cases the History tab changes the trail with (undo, and a confirmed sync that releases a held one). */
export type HistoryChanges = {
	undoLastRun: () => Promise<{undoneRunId: number; removedPeople: number; removedLinks: number; keptPeople: ReadonlyArray<{name: string; reason: string}>}>;
	releaseHeldSync: () => Promise<{message: string}>;
};

// The History tab lists this many runs: years of daily syncs, and still one quick read.
const listedRuns = 500;

function summary(run: RunRecord): RunSummary {
	return {
		id: run.id,
		mode: run.mode,
		status: run.status,
		operator: run.operator,
		startedAt: run.startedAt,
		selected: run.selectedCount,
		created: run.createdCount,
		mapped: run.mappedCount,
		alreadyImported: run.alreadyImportedCount,
		skipped: run.skippedCount,
		deactivated: run.deactivatedCount,
		reactivated: run.reactivatedCount,
		error: run.error,
	};
}

function outcome(row: OutcomeRecord): RunOutcome {
	return {
		salesforceUserId: row.salesforceUserId,
		salesforceName: row.salesforceName,
		email: row.email,
		outcome: row.outcome,
		reason: row.reason,
		detail: row.detail,
		manual: row.manual,
	};
}


/** History, for the History and Settings tabs: runs newest first, each run's outcomes, undo and release. Reading is for everyone. */
export function history(ports: {history: HistoryStore}, changes: HistoryChanges): HistoryActions {
	const store = ports.history;
	return {
		listRuns: async () => (await store.listRuns({limit: listedRuns})).map((run) => summary(run)),
		runOutcomes: async (runId) => (await store.runOutcomes(runId)).map((row) => outcome(row)),
		async undoLastRun() {
			const result = await changes.undoLastRun();
			return {
				undoneRunId: result.undoneRunId,
				removedPeople: result.removedPeople,
				removedLinks: result.removedLinks,
				keptPeople: result.keptPeople.map(({name, reason}) => ({name, reason})),
			};
		},
		releaseHeldSync: async () => (await changes.releaseHeldSync()).message,
		async lastAutomaticSync() {
			const [run] = await store.listRuns({limit: 1, mode: 'auto'});
			return run === undefined ? undefined : summary(run);
		},
	};
}

export type RunWithOutcomes = {run: RunRecord; outcomes: () => Promise<OutcomeRecord[]>; counts: () => Promise<OutcomeCounts>};

/** The trail as `salesscreen history` reports it: runs newest first, each with its outcomes read when asked for. */
export async function historyReport(ports: {history: HistoryStore}, filter: RunFilter = {}): Promise<RunWithOutcomes[]> {
	const runs = await ports.history.listRuns(filter);
	return runs.map((run) => ({run, outcomes: async () => ports.history.runOutcomes(run.id), counts: async () => ports.history.countOutcomes(run.id)}));
}
