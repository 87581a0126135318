import {defaultPlanRules, type ImportContext, type KnownPerson, type PlanRules} from '../core/import-context.js';
import type {Store} from './database.js';

export type PersonRow = {id: number; name: string; email: string; displayEmail: string; federationId: string | null};
export type LinkRow = {salesforceUserId: string; personId: number; salesforceName: string | null};
export type ChoiceRow = {salesforceUserId: string; kind: 'map' | 'ignore'; personId: number | null};

/**
 * Everything import planning needs to know about the store, in one query per table. Raw statements: on a
 * store of 50,000 people this runs inside every import's transaction, where time is held against other writers.
 */
export function loadImportContext(store: Store, rules: Partial<PlanRules> = {}): ImportContext {
	const known = store.sqlite.prepare('select id, name, email_normalised as email, email as displayEmail, federation_id as federationId from people').all() as PersonRow[];
	const links = store.sqlite.prepare('select salesforce_user_id as salesforceUserId, person_id as personId, salesforce_name as salesforceName from salesforce_links').all() as LinkRow[];
	const choices = store.sqlite.prepare('select salesforce_user_id as salesforceUserId, kind, person_id as personId from manual_choices').all() as ChoiceRow[];
	return buildImportContext(known, links, choices, rules);
}

/** The context from the rows of people, links and manual choices, whichever engine read them. */
export function buildImportContext(known: readonly PersonRow[], links: readonly LinkRow[], choices: readonly ChoiceRow[], rules: Partial<PlanRules> = {}): ImportContext {

	const personByEmail = new Map<string, KnownPerson>();
	const personById = new Map<number, KnownPerson>();
	const personByFederationId = new Map<string, KnownPerson>();
	for (const row of known) {
		const person: KnownPerson = {id: row.id, name: row.name, email: row.email, displayEmail: row.displayEmail};
		personByEmail.set(row.email, person);
		personById.set(row.id, person);
		const federationId = row.federationId?.trim();
		if (federationId) {
			personByFederationId.set(federationId, person);
		}
	}

	const personIdBySalesforceId = new Map<string, number>();
	const salesforceIdByPersonId = new Map<number, string>();
	const salesforceNameBySalesforceId = new Map<string, string>();
	for (const link of links) {
		personIdBySalesforceId.set(link.salesforceUserId, link.personId);
		salesforceIdByPersonId.set(link.personId, link.salesforceUserId);
		if (link.salesforceName) {
			salesforceNameBySalesforceId.set(link.salesforceUserId, link.salesforceName);
		}
	}

	const manualPersonIdBySalesforceId = new Map<string, number>();
	const manualSalesforceIdByPersonId = new Map<number, string>();
	const ignoredSalesforceIds = new Set<string>();
	for (const choice of choices) {
		if (choice.kind === 'ignore') {
			ignoredSalesforceIds.add(choice.salesforceUserId);
		} else if (choice.personId !== null) {
			manualPersonIdBySalesforceId.set(choice.salesforceUserId, choice.personId);
			manualSalesforceIdByPersonId.set(choice.personId, choice.salesforceUserId);
		}
	}

	return {
		personByEmail,
		personIdBySalesforceId,
		salesforceIdByPersonId,
		personById,
		personByFederationId,
		salesforceNameBySalesforceId,
		manualPersonIdBySalesforceId,
		manualSalesforceIdByPersonId,
		ignoredSalesforceIds,
		rules: {...defaultPlanRules, ...rules},
	};
}
