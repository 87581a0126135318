import {desc, eq, or} from 'drizzle-orm';
import type {PersonHistoryEntry} from '../core/person.js';
import type {Store} from './database.js';
import {importOutcomes, importRuns, salesforceLinks} from './schema.js';

/**
 * What every import run did about this person, newest first: the outcomes that name them, and those of
 * the Salesforce user they are linked to now (a skip, say, names no person).
 */
export function personHistory(store: Store, personId: number): PersonHistoryEntry[] {
	const link = store.db.select({id: salesforceLinks.salesforceUserId}).from(salesforceLinks).where(eq(salesforceLinks.personId, personId)).get();
	const about = link === undefined ? eq(importOutcomes.personId, personId) : or(eq(importOutcomes.personId, personId), eq(importOutcomes.salesforceUserId, link.id));
	return store.db
		.select({
			runId: importRuns.id,
			startedAt: importRuns.startedAt,
			operator: importRuns.operator,
			mode: importRuns.mode,
			outcome: importOutcomes.outcome,
			salesforceUserId: importOutcomes.salesforceUserId,
			salesforceName: importOutcomes.salesforceName,
			detail: importOutcomes.detail,
		})
		.from(importOutcomes)
		.innerJoin(importRuns, eq(importRuns.id, importOutcomes.runId))
		.where(about)
		.orderBy(desc(importOutcomes.id))
		.all();
}
