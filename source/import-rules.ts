import type {Connection} from 'jsforce';
import type {PlanRules} from './core/import-context.js';
import {fetchOrganizationFacts} from './salesforce/organization-query.js';
import type {AppSettings} from './settings/settings.js';

/** The planning rules the settings choose, for an org known to be (or not be) a sandbox. */
export function planRulesFrom(settings: AppSettings, orgIsSandbox: boolean): PlanRules {
	return {orgIsSandbox, matchFederationId: settings.get('matchFederationId'), fillOnMap: settings.get('fillOnMap')};
}

/** The same, asking the org once whether it is a sandbox (Organization.IsSandbox). */
export async function fetchPlanRules(connection: Connection, settings: AppSettings): Promise<PlanRules> {
	const facts = await fetchOrganizationFacts(connection);
	return planRulesFrom(settings, facts.isSandbox);
}
