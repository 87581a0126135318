import {and, desc, eq, type SQL} from 'drizzle-orm';
import type {PostgresStore} from './postgres-database.js';
import {importOutcomes, importRuns} from './postgres-schema.js';
import type {ImportOutcomeKind, ListImportRunsOptions} from './import-history-query.js';

/** The history store port over PostgreSQL: the audit trail, read only, each call one statement. */
export function postgresHistoryStore(store: PostgresStore) {
	const {db, pool} = store;
	return {
		async listRuns(filter: ListImportRunsOptions = {}) {
			const conditions: SQL[] = [];
			if (filter.mode !== undefined) {
				conditions.push(eq(importRuns.mode, filter.mode));
			}

			if (filter.status !== undefined) {
				conditions.push(eq(importRuns.status, filter.status));
			}

			const query = db
				.select()
				.from(importRuns)
				.where(conditions.length === 0 ? undefined : and(...conditions))
				.orderBy(desc(importRuns.id));
			return filter.limit === undefined ? query : query.limit(filter.limit);
		},
		runOutcomes: async (runId: number) => db.select().from(importOutcomes).where(eq(importOutcomes.runId, runId)).orderBy(importOutcomes.id),
		async countOutcomes(runId: number) {
			const result = await pool.query<{outcome: ImportOutcomeKind; n: number; manual: number}>(
				'select outcome, count(*)::int as n, count(*) filter (where manual)::int as manual from import_outcomes where run_id = $1 group by outcome',
				[runId],
			);
			const counts: Partial<Record<ImportOutcomeKind, number>> & {manual: number} = {manual: 0};
			for (const row of result.rows) {
				counts[row.outcome] = row.n;
				counts.manual += row.manual;
			}

			return counts;
		},
	};
}
