import {and, desc, eq, type SQL} from 'drizzle-orm';
import type {Store} from './database.js';
import {importOutcomes, importRuns, type importOutcomeKinds, type importRunModes, type importRunStatuses} from './schema.js';

/** One run: mode manual | auto | undo; status completed | failed | held | released | undone; see schema.ts. */
export type ImportRunRow = typeof importRuns.$inferSelect;
export type ImportOutcomeRow = typeof importOutcomes.$inferSelect;
export type ImportRunMode = (typeof importRunModes)[number];
export type ImportRunStatus = (typeof importRunStatuses)[number];
export type ImportOutcomeKind = (typeof importOutcomeKinds)[number];

export type ListImportRunsOptions = {limit?: number; mode?: ImportRunMode; status?: ImportRunStatus};

/** Import runs (undo runs too), newest first. */
export function listImportRuns(store: Store, options: ListImportRunsOptions = {}): ImportRunRow[] {
	const conditions: SQL[] = [];
	if (options.mode !== undefined) {
		conditions.push(eq(importRuns.mode, options.mode));
	}

	if (options.status !== undefined) {
		conditions.push(eq(importRuns.status, options.status));
	}

	return store.db
		.select()
		.from(importRuns)
		.where(conditions.length === 0 ? undefined : and(...conditions))
		.orderBy(desc(importRuns.id))
		.limit(options.limit ?? -1)
		.all();
}

/** What happened to each user of one run, in the order they were selected. */
export function listRunOutcomes(store: Store, runId: number): ImportOutcomeRow[] {
	return store.db.select().from(importOutcomes).where(eq(importOutcomes.runId, runId)).orderBy(importOutcomes.id).all();
}

/** How many of a run's outcomes are of each kind, and how many mappings were chosen by hand. */
export function countRunOutcomes(store: Store, runId: number): Partial<Record<ImportOutcomeKind, number>> & {manual: number} {
	const rows = store.sqlite.prepare('select outcome, count(*) as n, sum(manual) as manual from import_outcomes where run_id = ? group by outcome').all(runId) as Array<{
		outcome: ImportOutcomeKind;
		n: number;
		manual: number;
	}>;
	const counts: Partial<Record<ImportOutcomeKind, number>> & {manual: number} = {manual: 0};
	for (const row of rows) {
		counts[row.outcome] = row.n;
		counts.manual += row.manual;
	}

	return counts;
}
