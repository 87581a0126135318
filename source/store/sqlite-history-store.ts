import type {Store} from './database.js';
import {countRunOutcomes, listImportRuns, listRunOutcomes, type ListImportRunsOptions} from './import-history-query.js';

/** The history store port over SQLite: the audit trail, read only. */
export function sqliteHistoryStore(store: Store) {
	return {
		listRuns: async (filter: ListImportRunsOptions = {}) => listImportRuns(store, filter),
		runOutcomes: async (runId: number) => listRunOutcomes(store, runId),
		countOutcomes: async (runId: number) => countRunOutcomes(store, runId),
	};
}
