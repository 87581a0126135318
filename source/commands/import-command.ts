import {isListedByDefault, displayName, type SalesforceUser} from '../core/salesforce-user.js';
import {countEntries, planImport, type PlanEntry} from '../core/import-plan.js';
import {toTerminalText} from '../core/terminal-text.js';
import {fetchSalesforceUsers} from '../salesforce/user-source.js';
import {openSession, type OrgTarget} from '../session.js';
import {runImport} from '../store/run-import.js';
import {loadImportContext} from '../store/import-context-query.js';
import {UsageError} from './usage-error.js';

export type ImportCommandOptions = {
	target: OrgTarget;
	all: boolean;
	ids: string[];
	dryRun: boolean;
	json: boolean;
};

const outcomeNames: Record<PlanEntry['action'], string> = {
	create: 'created',
	map: 'mapped',
	'already-imported': 'already-imported',
	skip: 'skipped',
};

function outcomeRecord(entry: PlanEntry) {
	return {
		salesforceUserId: entry.user.id,
		name: toTerminalText(displayName(entry.user)),
		email: entry.user.email === null ? null : toTerminalText(entry.user.email),
		outcome: outcomeNames[entry.action],
		personId: entry.action === 'map' ? entry.person.id : entry.action === 'already-imported' ? entry.personId : null,
		reason: entry.action === 'skip' ? entry.reason : null,
		detail: entry.action === 'skip' ? entry.detail : entry.action === 'map' ? `email matches ${toTerminalText(entry.person.name)}` : null,
	};
}

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

		const counts = countEntries(entries);
		if (options.json) {
			out.write(`${JSON.stringify({dryRun: options.dryRun, runId, selected: selected.length, counts, outcomes: entries.map((entry) => outcomeRecord(entry))})}\n`);
		} else {
			for (const entry of entries) {
				const record = outcomeRecord(entry);
				out.write(`${record.outcome.padEnd(17)}${record.salesforceUserId}  ${record.name}  ${record.email ?? '(no email)'}${record.detail ? `  — ${record.detail}` : ''}\n`);
			}

			out.write(
				`${options.dryRun ? 'Dry run, nothing written: would create' : `Run #${runId}: created`} ${counts.create}, ${options.dryRun ? 'map' : 'mapped'} ${counts.map} by email, ${counts.alreadyImported} already imported, ${counts.skip} skipped.\n`,
			);
		}

		return 0;
	} finally {
		await session.close();
	}
}
