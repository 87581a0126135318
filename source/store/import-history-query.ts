import {desc, eq} from 'drizzle-orm';
import type {Store} from './database.js';
import {importOutcomes, importRuns} from './schema.js';

export type ImportRunRow = typeof importRuns.$inferSelect;
export type ImportOutcomeRow = typeof importOutcomes.$inferSelect;

/** Import runs, newest first. */
export function listImportRuns(store: Store, options: {limit?: number; mode?: 'manual' | 'auto'} = {}): ImportRunRow[] {
	const query = store.db.select().from(importRuns);
	const filtered = options.mode === undefined ? query : query.where(eq(importRuns.mode, options.mode));
	return filtered
		.orderBy(desc(importRuns.id))
		.limit(options.limit ?? -1)
		.all();
}

/** What happened to each user of one run, in the order they were selected. */
export function listRunOutcomes(store: Store, runId: number): ImportOutcomeRow[] {
	return store.db.select().from(importOutcomes).where(eq(importOutcomes.runId, runId)).orderBy(importOutcomes.id).all();
}
