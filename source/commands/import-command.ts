import {planImport, type PlanEntry} from '../core/import-plan.js';
import {isListedByDefault, type SalesforceUser} from '../core/salesforce-user.js';
import {fetchSalesforceUsers} from '../salesforce/user-source.js';
import {openSession, type OrgTarget} from '../session.js';
import {runImport} from '../store/run-import.js';
import {loadImportContext} from '../store/import-context-query.js';
import {writeImportReport} from './import-report.js';
import {UsageError} from './usage-error.js';

export type ImportCommandOptions = {
	target: OrgTarget;
	all: boolean;
	ids: string[];
	dryRun: boolean;
	json: boolean;
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

	const session = await openSession(options.target);
	try {
		const users = await fetchSalesforceUsers(session.connection);
		const selected = pickUsers(users, options);
		let entries: readonly PlanEntry[];
		let runId: number | null = null;
		if (options.dryRun) {
			entries = planImport(selected, loadImportContext(session.store)).entries;
		} else {
			const result = await runImport(session.store, selected, {operator: session.services.operator, mode: 'manual'});
			entries = result.plan.entries;
			runId = result.runId;
		}

		writeImportReport({entries, runId, selected: selected.length, mode: 'manual'}, options.json, out);
		return 0;
	} finally {
		await session.close();
	}
}
