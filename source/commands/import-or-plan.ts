import {planImport, type PlanEntry} from '../core/import-plan.js';
import {planRulesFrom} from '../import-rules.js';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {placeOnTeams, type Session} from '../session.js';
import {loadImportContext} from '../store/import-context-query.js';
import {runImport, type ImportMode} from '../store/run-import.js';
import type {ImportReport} from './import-report.js';

/**
 * Runs the import, or with dryRun only plans it against the store as it is, writing nothing. Asks the org
 * once whether it is a sandbox, and plans with the settings' matching rules.
 */
export async function importOrPlan(
	session: Session,
	users: readonly SalesforceUser[],
	options: {mode: ImportMode; dryRun: boolean; switchOrg?: boolean},
): Promise<ImportReport> {
	const facts = await session.orgFacts();
	const rules = planRulesFrom(session.settings, facts.isSandbox);
	if (options.dryRun) {
		const {entries} = planImport(users, loadImportContext(session.store, rules));
		// Only people the run would create or map are placed by the team rule.
		const placed = entries.flatMap((entry) => (entry.action === 'create' || entry.action === 'map' ? [entry.user] : []));
		const preview = session.services.teams.previewPlacement(placed);
		return {entries, runId: null, selected: users.length, mode: options.mode, ...(preview.rule === 'off' ? {} : {teamsPreview: {teams: preview.teams, unplaced: preview.unplaced}})};
	}

	const result = await runImport(session.store, users, {operator: session.services.operator, mode: options.mode, rules, org: facts.identity, switchOrg: options.switchOrg});
	const entries: readonly PlanEntry[] = result.plan.entries;
	return {entries, runId: result.runId, selected: users.length, mode: options.mode, teams: placeOnTeams(session.store, session.settings, result.runId, users)};
}
