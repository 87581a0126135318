import type {FillOnMap} from './fill-on-map.js';

/** An existing SalesScreen person, as import planning sees them. */
export type KnownPerson = {
	id: number;
	name: string;
	/** Normalised (see normaliseEmail): what matching compares. */
	email: string;
	/** The email as the person's record has it, for showing who a user maps to. */
	displayEmail: string;
};

/**
 * How planning behaves for this org and these settings. Kept with the store's facts so that the Users tab's
 * preview and the import itself always plan alike.
 */
export type PlanRules = {
	/** The org is a sandbox: Salesforce appended `.invalid` to every email, which matching removes first. */
	orgIsSandbox: boolean;
	/** When the email finds nobody, a person whose federation id equals the user's FederationIdentifier is mapped. */
	matchFederationId: boolean;
	/** The fields of a mapped person that are overwritten from Salesforce. */
	fillOnMap: FillOnMap;
};

export const defaultPlanRules: PlanRules = {orgIsSandbox: false, matchFederationId: false, fillOnMap: 'none'};

/** What the store already holds, indexed for planning. Built by the store adapter, read by the core. */
export type ImportContext = {
	personByEmail: ReadonlyMap<string, KnownPerson>;
	personIdBySalesforceId: ReadonlyMap<string, number>;
	salesforceIdByPersonId: ReadonlyMap<number, string>;
	/** Every person by id, for manual mappings. */
	personById: ReadonlyMap<number, KnownPerson>;
	/** People with a federation id (trimmed, compared exactly). */
	personByFederationId: ReadonlyMap<string, KnownPerson>;
	/** The Salesforce name of each linked user when it was imported, so a conflict can name both users. */
	salesforceNameBySalesforceId: ReadonlyMap<string, string>;
	/** The admin's manual mappings: Salesforce user → person, followed over email matching. */
	manualPersonIdBySalesforceId: ReadonlyMap<string, number>;
	/** The same, person → Salesforce user: a person chosen for one user is not found by another's email. */
	manualSalesforceIdByPersonId: ReadonlyMap<number, string>;
	/** Salesforce users the admin chose never to import (until un-ignored). */
	ignoredSalesforceIds: ReadonlySet<string>;
	rules: PlanRules;
};

export function emptyImportContext(rules: Partial<PlanRules> = {}): ImportContext {
	return {
		personByEmail: new Map(),
		personIdBySalesforceId: new Map(),
		salesforceIdByPersonId: new Map(),
		personById: new Map(),
		personByFederationId: new Map(),
		salesforceNameBySalesforceId: new Map(),
		manualPersonIdBySalesforceId: new Map(),
		manualSalesforceIdByPersonId: new Map(),
		ignoredSalesforceIds: new Set(),
		rules: {...defaultPlanRules, ...rules},
	};
}
