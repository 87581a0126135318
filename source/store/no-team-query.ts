import {and, count, eq, inArray, isNull} from 'drizzle-orm';
import type {Store} from './database.js';
import {importOutcomes, people} from './schema.js';

/**
 * Active people on no team: of one run's created and mapped people when a run is named, else of the whole
 * store. An inactive person's activity counts nowhere anyway.
 */
export function countPeopleOnNoTeam(store: Store, runId?: number): number {
	if (runId === undefined) {
		return store.db.select({n: count()}).from(people).where(and(eq(people.active, true), isNull(people.teamId))).get()?.n ?? 0;
	}

	const personIds = store.db
		.select({personId: importOutcomes.personId})
		.from(importOutcomes)
		.where(and(eq(importOutcomes.runId, runId), inArray(importOutcomes.outcome, ['created', 'mapped'])));
	return store.db.select({n: count()}).from(people).where(and(inArray(people.id, personIds), eq(people.active, true), isNull(people.teamId))).get()?.n ?? 0;
}
