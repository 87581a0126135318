import {isListedByDefault, type SalesforceUser} from '../core/salesforce-user.js';
import {fetchSalesforceUsers} from '../salesforce/user-source.js';
import {NoOrgConnectedError, openSession, type OrgTarget} from '../session.js';
import {importOrPlan} from './import-or-plan.js';
import {requireAdmin, requireAdminIn} from './require-admin.js';
import {writeImportReport} from './import-report.js';
import {UsageError} from './usage-error.js';
import {assertOrgMatches} from '../store/store-origin.js';

export type ImportCommandOptions = {
	target: OrgTarget;
	all: boolean;
	ids: string[];
	dryRun: boolean;
	json: boolean;
	/** This store takes this org's users although it holds another org's people. */
	switchOrg?: boolean;
};

function pickUsers(users: readonly SalesforceUser[], options: ImportCommandOptions): SalesforceUser[] {
	if (options.all) {
		return users.filter((user) => isListedByDefault(user));
	}

	const byId = new Map(users.map((user) => [user.id, user]));
	const missing = options.ids.filter((id) => !byId.has(id));
	if (missing.length > 0) {
		throw new UsageError(`No Salesforce user has the id ${missing.join(', ')}. Nothing was imported.`);
	}

	return [...new Set(options.ids)].map((id) => byId.get(id)!);
}

/** `salesscreen import`: the same import as the app's Import users, for scripts. */
export async function importCommand(options: ImportCommandOptions, out: NodeJS.WritableStream): Promise<number> {
	if (options.all === (options.ids.length > 0)) {
		throw new UsageError('Say which users to import: --all, or --id SFID (repeatable), not both.');
	}

	const session = await openSession(options.target).catch((error: unknown) => {
		// Whoever may not import hears that first, as when an org is connected.
		if (error instanceof NoOrgConnectedError && !options.dryRun) {
			requireAdmin('import');
		}

		throw error;
	});
	try {
		// A dry run only reads; anyone may see what an import would do.
		if (!options.dryRun) {
			requireAdminIn(session.store, session.home.home, 'import');
			// Before listing anyone: another org's users are refused unless the admin said --switch-org.
			assertOrgMatches(session.store, (await session.orgFacts()).identity, options.switchOrg === true);
		}

		// --all asks Salesforce only for what can be imported; ids may name anyone, to be told why they are skipped.
		const users = await fetchSalesforceUsers(session.connection, {part: options.all ? 'importable' : 'all'});
		const selected = pickUsers(users, options);
		writeImportReport(await importOrPlan(session, selected, {mode: 'manual', dryRun: options.dryRun, switchOrg: options.switchOrg}), options.json, out);
		return 0;
	} finally {
		await session.close();
	}
}
