import {isListedByDefault} from '../core/salesforce-user.js';
import {fetchSalesforceUsers} from '../salesforce/user-source.js';
import {openSession, type OrgTarget} from '../session.js';
import {loadImportContext} from '../store/import-context-query.js';
import {importOrPlan} from './import-or-plan.js';
import {writeImportReport} from './import-report.js';

export type SyncCommandOptions = {target: OrgTarget; dryRun: boolean; json: boolean};

/**
 * `salesscreen sync`, for cron or a systemd timer: when Automatically sync users is on, imports every
 * eligible user (active, Standard, not linked yet) with the same rules as Import users, recorded as an
 * automatic run. When it is off, it changes nothing and says so; that is not a failure.
 */
export async function syncCommand(options: SyncCommandOptions, out: NodeJS.WritableStream): Promise<number> {
	const session = await openSession(options.target);
	try {
		if (!session.settings.get('autoSync')) {
			const message = 'Automatically sync users is off, so nothing was imported. Turn it on in the Settings tab, or: salesscreen settings set auto-sync on';
			out.write(options.json ? `${JSON.stringify({autoSync: false, runId: null, message})}\n` : `${message}\n`);
			return 0;
		}

		const users = await fetchSalesforceUsers(session.connection);
		const context = loadImportContext(session.store);
		const eligible = users.filter((user) => isListedByDefault(user) && !context.personIdBySalesforceId.has(user.id));
		writeImportReport(await importOrPlan(session, eligible, {mode: 'auto', dryRun: options.dryRun}), options.json, out);
		return 0;
	} finally {
		await session.close();
	}
}
