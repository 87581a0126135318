import {asc, eq, sql} from 'drizzle-orm';
import type {PersonListing} from '../core/person.js';
import type {Store} from './database.js';
import {importOutcomes, people, salesforceLinks, teams} from './schema.js';

/**
 * Every person with their team and Salesforce link, by name. The linked user's name comes from the
 * newest import outcome that named them: the link itself keeps only the id.
 */
export function listPeople(store: Store): PersonListing[] {
	const rows = store.db
		.select({
			id: people.id,
			name: people.name,
			email: people.email,
			title: people.title,
			role: people.role,
			active: people.active,
			teamId: people.teamId,
			teamName: teams.name,
			origin: people.origin,
			osLogin: people.osLogin,
			salesforceUserId: salesforceLinks.salesforceUserId,
		})
		.from(people)
		.leftJoin(teams, eq(people.teamId, teams.id))
		.leftJoin(salesforceLinks, eq(salesforceLinks.personId, people.id))
		.orderBy(asc(sql`${people.name} collate nocase`), asc(people.id))
		.all();
	// One pass over the linked users' outcomes, oldest first, so the newest name wins.
	const names = new Map<string, string>();
	const outcomes = store.db
		.select({salesforceUserId: importOutcomes.salesforceUserId, name: importOutcomes.salesforceName})
		.from(importOutcomes)
		.innerJoin(salesforceLinks, eq(salesforceLinks.salesforceUserId, importOutcomes.salesforceUserId))
		.orderBy(asc(importOutcomes.id))
		.all();
	for (const outcome of outcomes) {
		if (outcome.name !== '') {
			names.set(outcome.salesforceUserId, outcome.name);
		}
	}

	return rows.map((row) => ({...row, salesforceName: row.salesforceUserId === null ? null : (names.get(row.salesforceUserId) ?? null)}));
}
