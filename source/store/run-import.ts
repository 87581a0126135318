import type {PlanRules} from '../core/import-context.js';
import {planImport, type ImportPlan} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {Store} from './database.js';
import {loadImportContext} from './import-context-query.js';
import {inImportTransaction} from './import-transaction.js';
import {planWriter} from './plan-writer.js';
import {claimOrg} from './store-origin.js';
import type {OrgIdentity} from '../core/org-switch.js';

export {ImportFailedError} from './import-transaction.js';

export type ImportMode = 'manual' | 'auto';

export type ImportRunResult = {runId: number; plan: ImportPlan};

export type RunImportOptions = {
	/** The operating-system login running the import, recorded with the run. */
	operator: string;
	mode: ImportMode;
	/** The org is a sandbox, match by FederationIdentifier, fields to fill on mapping (defaults: off, off, none). */
	rules?: Partial<PlanRules>;
	onProgress?: (progress: {done: number; total: number}) => void;
	/** Plan entries written between two looks at the event loop. */
	chunkSize?: number;
	/** The org the users come from: checked against (and remembered by) the store inside the transaction. */
	org?: OrgIdentity;
	/** The admin said that this store takes a different org's users from now on. */
	switchOrg?: boolean;
};

/**
 * Imports the given Salesforce users in one transaction. It is planned inside the transaction, against
 * the store as it is once the write lock is held, so two importers never both create the same person.
 * The transaction stays open across chunks so a screen can show progress; a failure anywhere rolls all
 * of it back and records a failed run. Never deactivates anyone: that is automatic sync's alone.
 */
export async function runImport(store: Store, users: readonly SalesforceUser[], options: RunImportOptions): Promise<ImportRunResult> {
	const chunkSize = Math.max(1, options.chunkSize ?? 1000);
	const startedAt = new Date().toISOString();
	return inImportTransaction(store, {operator: options.operator, mode: options.mode, startedAt, selectedCount: users.length}, async () => {
		if (options.org) {
			claimOrg(store, options.org, options.switchOrg === true);
		}

		const plan = planImport(users, loadImportContext(store, options.rules));
		const runId = Number(
			store.sqlite
				.prepare("insert into import_runs (operator, mode, status, started_at, selected_count) values (?, ?, 'completed', ?, ?)")
				.run(options.operator, options.mode, startedAt, users.length).lastInsertRowid,
		);
		const writer = planWriter(store);
		const total = plan.entries.length;
		for (let start = 0; start < total; start += chunkSize) {
			writer.writeEntries(runId, plan.entries.slice(start, start + chunkSize), startedAt);
			options.onProgress?.({done: Math.min(total, start + chunkSize), total});
			// eslint-disable-next-line no-await-in-loop
			await new Promise(setImmediate);
		}

		finishRun(store, runId, plan);
		return {runId, plan};
	});
}

/** The run's counts and end time, written last, inside the transaction. */
export function finishRun(store: Store, runId: number, plan: ImportPlan, extra: {deactivated?: number; reactivated?: number} = {}): void {
	store.sqlite
		.prepare(
			'update import_runs set finished_at = ?, created_count = ?, mapped_count = ?, already_imported_count = ?, skipped_count = ?, deactivated_count = ?, reactivated_count = ? where id = ?',
		)
		.run(new Date().toISOString(), plan.counts.create, plan.counts.map, plan.counts.alreadyImported, plan.counts.skip, extra.deactivated ?? 0, extra.reactivated ?? 0, runId);
}
