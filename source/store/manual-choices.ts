import type {Store} from './database.js';
import {requestFullSync} from './sync-state.js';

/** A manual choice was refused; the message says why in words the admin can act on. */
export class ManualChoiceError extends Error {
	override name = 'ManualChoiceError';
}

export type ManualChoice = {salesforceUserId: string; kind: 'map' | 'ignore'; personId: number | null; chosenBy: string; chosenAt: string};

export type PersonMatch = {id: number; name: string; email: string; linkedSalesforceUserId: string | null};

const salesforceUserIdPattern = /^005[A-Za-z\d]{12}(?:[A-Za-z\d]{3})?$/;

function checkSalesforceUserId(salesforceUserId: string): void {
	if (!salesforceUserIdPattern.test(salesforceUserId)) {
		throw new ManualChoiceError(`"${salesforceUserId}" is not a Salesforce user id (15 or 18 characters starting with 005).`);
	}
}

/**
 * The admin maps this Salesforce user to this person: every import from now on links them so, whatever their
 * emails say. Refused when the person does not exist, is linked to (or chosen for) another Salesforce user,
 * or when the user is already linked to someone else: a linked user stays with their person.
 */
export function chooseManualMapping(store: Store, salesforceUserId: string, personId: number, operator: string): void {
	checkSalesforceUserId(salesforceUserId);
	store.sqlite
		.transaction(() => {
			const person = store.sqlite.prepare('select id, name from people where id = ?').get(personId) as {id: number; name: string} | undefined;
			if (person === undefined) {
				throw new ManualChoiceError(`There is no SalesScreen person with id ${personId}; nothing was chosen.`);
			}

			const personLink = store.sqlite
				.prepare('select salesforce_user_id as id, salesforce_name as name from salesforce_links where person_id = ?')
				.get(personId) as {id: string; name: string | null} | undefined;
			if (personLink !== undefined && personLink.id !== salesforceUserId) {
				throw new ManualChoiceError(
					`${person.name} is already linked to Salesforce user ${personLink.name ? `${personLink.name} (${personLink.id})` : personLink.id}; one person takes one Salesforce user.`,
				);
			}

			const userLink = store.sqlite.prepare('select person_id as personId from salesforce_links where salesforce_user_id = ?').get(salesforceUserId) as
				| {personId: number}
				| undefined;
			if (userLink !== undefined && userLink.personId !== personId) {
				throw new ManualChoiceError(
					`Salesforce user ${salesforceUserId} is already linked to another person (id ${userLink.personId}) and stays so; undo the import that linked them first.`,
				);
			}

			const otherChoice = store.sqlite
				.prepare("select salesforce_user_id as id from manual_choices where kind = 'map' and person_id = ? and salesforce_user_id != ?")
				.get(personId, salesforceUserId) as {id: string} | undefined;
			if (otherChoice !== undefined) {
				throw new ManualChoiceError(`${person.name} is already chosen for Salesforce user ${otherChoice.id}; clear that choice first.`);
			}

			upsert(store, salesforceUserId, 'map', personId, operator);
		})
		.immediate();
}

/** The admin never wants this Salesforce user imported: no import offers them again until the choice is cleared. */
export function ignoreSalesforceUser(store: Store, salesforceUserId: string, operator: string): void {
	checkSalesforceUserId(salesforceUserId);
	store.sqlite
		.transaction(() => {
			upsert(store, salesforceUserId, 'ignore', null, operator);
		})
		.immediate();
}

/** Forgets the choice for this user (a mapping or an ignore); imports match them by the usual rules again. */
export function clearManualChoice(store: Store, salesforceUserId: string): void {
	store.sqlite
		.transaction(() => {
			const removed = store.sqlite.prepare('delete from manual_choices where salesforce_user_id = ?').run(salesforceUserId).changes;
			if (removed > 0) {
				requestFullSync(store);
			}
		})
		.immediate();
}

/** Every manual choice, newest first. */
export function listManualChoices(store: Store): ManualChoice[] {
	return store.sqlite
		.prepare(
			'select salesforce_user_id as salesforceUserId, kind, person_id as personId, chosen_by as chosenBy, chosen_at as chosenAt from manual_choices order by chosen_at desc, salesforce_user_id',
		)
		.all() as ManualChoice[];
}

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

function upsert(store: Store, salesforceUserId: string, kind: 'map' | 'ignore', personId: number | null, operator: string): void {
	store.sqlite
		.prepare(
			`insert into manual_choices (salesforce_user_id, kind, person_id, chosen_by, chosen_at) values (?, ?, ?, ?, ?)
			 on conflict (salesforce_user_id) do update set kind = excluded.kind, person_id = excluded.person_id, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at`,
		)
		.run(salesforceUserId, kind, personId, operator, new Date().toISOString());
	// A choice concerns a user Salesforce may never change again: the next automatic sync must read them.
	requestFullSync(store);
}
