import type {AdminAction} from './core/admin-policy.js';
import type {Store} from './store/database.js';
import {listImportRuns, listRunOutcomes} from './store/import-history-query.js';
import {chooseManualMapping, clearManualChoice, ignoreSalesforceUser, searchPeople} from './store/manual-choices.js';
import {assertAdmin} from './store/operator-rights.js';
import type {RunUseCases} from './app/run-use-cases.js';
import type {HistoryActions, MappingActions} from './app/app-services.js';

/**
 * The History tab's and the manual mappings' services over the store, each change behind the admin rule.
 * Undoing and releasing a held sync are use cases of their own, passed in.
 */
export function auditServices(store: Store, operator: string, runs: RunUseCases): {history: HistoryActions; mappings: MappingActions} {
	const admin = (action: AdminAction) => assertAdmin(store, operator, action);
	return {
		history: {
			listRuns: () =>
				listImportRuns(store, {limit: 500}).map((run) => ({
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
				})),
			runOutcomes: (runId) =>
				listRunOutcomes(store, runId).map((row) => ({
					salesforceUserId: row.salesforceUserId,
					salesforceName: row.salesforceName,
					email: row.email,
					outcome: row.outcome,
					reason: row.reason,
					detail: row.detail,
					manual: row.manual,
				})),
			async undoLastRun() {
				const result = await runs.undoLastRun();
				return {
					undoneRunId: result.undoneRunId,
					removedPeople: result.removedPeople,
					removedLinks: result.removedLinks,
					keptPeople: result.keptPeople.map(({name, reason}) => ({name, reason})),
				};
			},
			async releaseHeldSync() {
				const report = await runs.syncUsers({dryRun: false, confirmHeld: true});
				return report.message;
			},
		},
		mappings: {
			searchPeople: (query, limit) => searchPeople(store, query, limit),
			mapTo(salesforceUserId, personId) {
				admin('import');
				chooseManualMapping(store, salesforceUserId, personId, operator);
			},
			ignore(salesforceUserId) {
				admin('import');
				ignoreSalesforceUser(store, salesforceUserId, operator);
			},
			clear(salesforceUserId) {
				admin('import');
				clearManualChoice(store, salesforceUserId);
			},
		},
	};
}
