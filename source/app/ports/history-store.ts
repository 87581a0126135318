/** The store's words for a run: see HistoryStore. */
export type RunRecordMode = 'manual' | 'auto' | 'undo';
export type RunRecordStatus = 'completed' | 'failed' | 'held' | 'released' | 'undone';
export type OutcomeKind = 'created' | 'mapped' | 'already-imported' | 'skipped' | 'deactivated' | 'reactivated' | 'removed' | 'unlinked' | 'kept';

/**
 * One run as it is recorded, with its columns in this order (the JSON of `salesscreen history` shows them so).
 * Status: completed, written; failed, nothing written; held, an automatic run the safeguard stopped; released,
 * a held run an admin let through (the releasing run did the work); undone, reversed by an undo run.
 */
export type RunRecord = {
	id: number;
	operator: string;
	mode: RunRecordMode;
	status: RunRecordStatus;
	startedAt: string;
	finishedAt: string | null;
	selectedCount: number;
	createdCount: number;
	mappedCount: number;
	alreadyImportedCount: number;
	skippedCount: number;
	deactivatedCount: number;
	reactivatedCount: number;
	error: string | null;
	syncKind: 'full' | 'incremental' | null;
	note: string | null;
	undoesRunId: number | null;
	releasesRunId: number | null;
};

/** What one run did to one Salesforce user, columns in this order. */
export type OutcomeRecord = {
	id: number;
	runId: number;
	salesforceUserId: string;
	salesforceName: string;
	email: string | null;
	outcome: OutcomeKind;
	reason: string | null;
	detail: string | null;
	personId: number | null;
	/** Mapped by the admin's own choice. */
	manual: boolean;
	/** JSON of the fields a mapping overwrote, for undo. */
	previousValues: string | null;
};

export type OutcomeCounts = Partial<Record<OutcomeKind, number>> & {manual: number};

export type RunFilter = {limit?: number; mode?: RunRecordMode; status?: RunRecordStatus};

/** The audit trail, read only (runs write it through the run store). Each call is one consistent read. */
export type HistoryStore = {
	/** Runs (undo runs too), newest (highest id) first, at most `limit`. */
	listRuns: (filter?: RunFilter) => Promise<RunRecord[]>;
	/** The run's outcomes in the order they were written (the users' selection order). */
	runOutcomes: (runId: number) => Promise<OutcomeRecord[]>;
	/** How many of the run's outcomes are of each kind (kinds with none left out), and how many were manual. */
	countOutcomes: (runId: number) => Promise<OutcomeCounts>;
};
