import type {Store} from './database.js';

export type PersonMatch = {id: number; name: string; email: string; linkedSalesforceUserId: string | null};

/**
 * People whose name or email holds the query, without regard to case (accents included, which SQLite's
 * lower() would not fold), by name; for the manual-mapping picker. An empty query lists the first people.
 */
export function searchPeople(store: Store, query: string, limit: number): PersonMatch[] {
	const wanted = query.trim().toLocaleLowerCase();
	const max = Math.max(0, Math.floor(limit));
	const found: PersonMatch[] = [];
	if (max === 0) {
		return found;
	}

	const rows = store.sqlite
		.prepare(
			'select p.id, p.name, p.email, l.salesforce_user_id as linkedSalesforceUserId from people p left join salesforce_links l on l.person_id = p.id order by p.name collate nocase, p.id',
		)
		.iterate() as IterableIterator<PersonMatch>;
	for (const row of rows) {
		if (wanted === '' || row.name.toLocaleLowerCase().includes(wanted) || row.email.toLocaleLowerCase().includes(wanted)) {
			found.push(row);
			if (found.length >= max) {
				// Leaving the loop early closes the statement's cursor.
				break;
			}
		}
	}

	return found;
}
