import type {ImportContext} from '../core/import-context.js';
import type {Store} from './database.js';
import {people, salesforceLinks} from './schema.js';

/** Everything import planning needs to know about the store, in one query per table. */
export function loadImportContext(store: Store): ImportContext {
	const known = store.db.select({id: people.id, name: people.name, email: people.emailNormalised}).from(people).all();
	const links = store.db.select({salesforceUserId: salesforceLinks.salesforceUserId, personId: salesforceLinks.personId}).from(salesforceLinks).all();
	const personIdBySalesforceId = new Map<string, number>();
	const salesforceIdByPersonId = new Map<number, string>();
	for (const link of links) {
		personIdBySalesforceId.set(link.salesforceUserId, link.personId);
		salesforceIdByPersonId.set(link.personId, link.salesforceUserId);
	}

	return {personByEmail: new Map(known.map((person) => [person.email, person])), personIdBySalesforceId, salesforceIdByPersonId};
}
