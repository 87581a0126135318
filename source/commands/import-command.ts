import {isListedByDefault, type SalesforceUser} from '../core/salesforce-user.js';
import {NoOrgConnectedError, openSession, type OrgTarget} from '../session.js';
import {requireAdmin} from './require-admin.js';
import {writeImportReport} from './import-report.js';
import {writeRunFailure} from './run-failure.js';
import {UsageError} from './usage-error.js';

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

/** `salesscreen import`: the same import as the app's Import users (one use case), for scripts. */
export async function importCommand(options: ImportCommandOptions, out: NodeJS.WritableStream, errors: NodeJS.WritableStream = process.stderr): Promise<number> {
	if (options.all === (options.ids.length > 0)) {
		throw new UsageError('Say which users to import: --all, or --id SFID (repeatable), not both.');
	}

	const session = await openSession(options.target).catch(async (error: unknown) => {
		// Whoever may not import hears that first, as when an org is connected.
		if (error instanceof NoOrgConnectedError && !options.dryRun) {
			await requireAdmin('import');
		}

		throw error;
	});
	try {
		const report = await session.app.importUsers.listAndImport((users) => pickUsers(users, options), {
			// --all asks Salesforce only for what can be imported; ids may name anyone, to be told why they are skipped.
			part: options.all ? 'importable' : 'all',
			dryRun: options.dryRun,
			switchOrg: options.switchOrg,
			onWait(message) {
				errors.write(`salesscreen: ${message}\n`);
			},
			// The org refused Bulk and the listing went on over REST: worth knowing, since it costs more calls.
			onNotice(message) {
				errors.write(`salesscreen: ${message}\n`);
			},
		});
		writeImportReport(report, options.json, out);
		return 0;
	} catch (error: unknown) {
		writeRunFailure(error, options.json, out);
		throw error;
	} finally {
		await session.close();
	}
}
