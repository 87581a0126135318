import type {PlanRules} from '../core/import-context.js';
import {formatCount} from '../core/number-format.js';
import {planImport, type ImportPlan} from '../core/import-plan.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {planStatusChanges, type LinkedPerson, type StatusChange} from '../core/status-changes.js';
import {safeguardVerdict, type SafeguardVerdict} from '../core/sync-safeguard.js';
import type {Store} from './database.js';
import {loadImportContext} from './import-context-query.js';
import {inImportTransaction} from './import-transaction.js';
import {planWriter} from './plan-writer.js';
import {finishRun} from './run-import.js';
import {recordSyncProgress} from './sync-state.js';
import {claimOrg} from './store-origin.js';
import type {OrgIdentity} from '../core/org-switch.js';

export type AutomaticPlan = {
	/** The users to import (in scope, not linked yet), planned by Import users' rules. */
	plan: ImportPlan;
	/** People to make inactive or active again, from every user Salesforce returned. */
	statusChanges: StatusChange[];
	safeguard: SafeguardVerdict;
};

export type AutomaticRunOptions = {
	operator: string;
	rules: Partial<PlanRules>;
	/** Users to import: in the sync scope. */
	candidates: readonly SalesforceUser[];
	/** Every user this sync read from Salesforce, in scope or not: a linked user's IsActive counts wherever they are. */
	fetched: readonly SalesforceUser[];
	safeguardShare: number;
	/** An admin confirmed: run even past the safeguard, and mark the pending held run released. */
	confirmHeld: boolean;
	syncKind: 'full' | 'incremental';
	/** The newest SystemModstamp read, remembered once the run completes. */
	highWaterMark: string | null;
	fingerprint: string;
	onProgress?: (progress: {done: number; total: number}) => void;
	chunkSize?: number;
	/** The org the users come from: checked against (and remembered by) the store inside the transaction. */
	org?: OrgIdentity;
	/** The admin said that this store takes a different org's users from now on. */
	switchOrg?: boolean;
};

export type AutomaticRunResult = AutomaticPlan & {
	runId: number;
	status: 'completed' | 'held';
	/** The held run this one let through (--confirm-held), if there was one. */
	releasedRunId: number | null;
};

type LinkedRow = {salesforceUserId: string; personId: number; name: string; active: number; deactivatedBySync: number};

/** Linked people, by their Salesforce user's id, with what deactivation needs to know. */
export function loadLinkedPeople(store: Store): Map<string, LinkedPerson> {
	const rows = store.sqlite
		.prepare(
			'select l.salesforce_user_id as salesforceUserId, p.id as personId, p.name, p.active, p.deactivated_by_sync as deactivatedBySync from salesforce_links l join people p on p.id = l.person_id',
		)
		.all() as LinkedRow[];
	return new Map(
		rows.map((row) => [row.salesforceUserId, {personId: row.personId, name: row.name, active: row.active === 1, deactivatedBySync: row.deactivatedBySync === 1}]),
	);
}

/** What an automatic run would do against the store as it is now; writes nothing (a dry run, or inside the run's transaction). */
export function planAutomaticSync(store: Store, candidates: readonly SalesforceUser[], fetched: readonly SalesforceUser[], rules: Partial<PlanRules>, share: number): AutomaticPlan {
	const plan = planImport(candidates, loadImportContext(store, rules));
	const linked = loadLinkedPeople(store);
	const statusChanges = planStatusChanges(fetched, linked);
	const deactivations = statusChanges.filter((change) => change.action === 'deactivate').length;
	return {plan, statusChanges, safeguard: safeguardVerdict(deactivations, linked.size, share)};
}

/**
 * One automatic run, in one transaction: planned against the store once the write lock is held. Past the
 * safeguard (and not confirmed) it writes only a `held` run with what it would have done; otherwise it imports,
 * deactivates and reactivates, and moves the sync's high-water mark, all or nothing.
 */
export async function runAutomaticSync(store: Store, options: AutomaticRunOptions): Promise<AutomaticRunResult> {
	const chunkSize = Math.max(1, options.chunkSize ?? 1000);
	const startedAt = new Date().toISOString();
	return inImportTransaction(store, {operator: options.operator, mode: 'auto', startedAt, selectedCount: options.candidates.length}, async () => {
		if (options.org) {
			claimOrg(store, options.org, options.switchOrg === true);
		}

		const planned = planAutomaticSync(store, options.candidates, options.fetched, options.rules, options.safeguardShare);
		const {plan, statusChanges, safeguard} = planned;
		const deactivated = statusChanges.filter((change) => change.action === 'deactivate').length;
		const reactivated = statusChanges.length - deactivated;
		const writer = planWriter(store);
		const insertRun = store.sqlite.prepare(
			'insert into import_runs (operator, mode, status, started_at, selected_count, sync_kind, note, releases_run_id) values (?, ?, ?, ?, ?, ?, ?, ?)',
		);

		if (safeguard.holds && !options.confirmHeld) {
			const note = `held: would make ${formatCount(deactivated)} of ${formatCount(safeguard.linkedPeople)} linked people inactive, more than the safeguard's ${formatShare(safeguard.share)}; nothing was changed. Run salesscreen sync --confirm-held to apply it.`;
			const runId = Number(insertRun.run(options.operator, 'auto', 'held', startedAt, options.candidates.length, options.syncKind, note, null).lastInsertRowid);
			writer.recordEntries(runId, plan.entries);
			writer.recordStatusChanges(runId, statusChanges);
			finishRun(store, runId, plan, {deactivated, reactivated});
			return {...planned, runId, status: 'held' as const, releasedRunId: null};
		}

		const pendingHeld = options.confirmHeld ? pendingHeldRun(store) : undefined;
		const note = pendingHeld === undefined ? null : `releases held run #${pendingHeld}, confirmed by ${options.operator}`;
		const runId = Number(
			insertRun.run(options.operator, 'auto', 'completed', startedAt, options.candidates.length, options.syncKind, note, pendingHeld ?? null).lastInsertRowid,
		);
		const total = plan.entries.length;
		for (let start = 0; start < total; start += chunkSize) {
			writer.writeEntries(runId, plan.entries.slice(start, start + chunkSize), startedAt);
			options.onProgress?.({done: Math.min(total, start + chunkSize), total});
			// eslint-disable-next-line no-await-in-loop
			await new Promise(setImmediate);
		}

		writer.writeStatusChanges(runId, statusChanges, startedAt);
		finishRun(store, runId, plan, {deactivated, reactivated});
		if (pendingHeld !== undefined) {
			store.sqlite.prepare("update import_runs set status = 'released', note = ? where id = ?").run(`released by run #${runId}, confirmed by ${options.operator}`, pendingHeld);
		}

		recordSyncProgress(store, {kind: options.syncKind, highWaterMark: options.highWaterMark, fingerprint: options.fingerprint, at: startedAt});
		return {...planned, runId, status: 'completed' as const, releasedRunId: pendingHeld ?? null};
	});
}

/** The newest held automatic run that no automatic run completed after: the one --confirm-held releases. */
export function pendingHeldRun(store: Store): number | undefined {
	const row = store.sqlite
		.prepare(
			`select id from import_runs where mode = 'auto' and status = 'held'
			 and id > coalesce((select max(id) from import_runs where mode = 'auto' and status in ('completed', 'undone')), 0)
			 order by id desc limit 1`,
		)
		.get() as {id: number} | undefined;
	return row?.id;
}

export function formatShare(share: number): string {
	return `${Math.round(share * 1000) / 10}%`;
}
