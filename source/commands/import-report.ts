import {countEntries, type PlanEntry} from '../core/import-plan.js';
import {displayName} from '../core/salesforce-user.js';
import {toTerminalText} from '../core/terminal-text.js';

const outcomeNames: Record<PlanEntry['action'], string> = {
	create: 'created',
	map: 'mapped',
	'already-imported': 'already-imported',
	skip: 'skipped',
};

const plannedWords: Record<PlanEntry['action'], string> = {
	create: 'would create',
	map: 'would map',
	'already-imported': 'already-imported',
	skip: 'would skip',
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

export type ImportReport = {
	entries: readonly PlanEntry[];
	/** Null for a dry run, which writes nothing. */
	runId: number | null;
	selected: number;
	mode: 'manual' | 'auto';
};

/** Prints what an import did (or would do): one line a user and a summary, or one JSON object. */
export function writeImportReport(report: ImportReport, json: boolean, out: NodeJS.WritableStream): void {
	const counts = countEntries(report.entries);
	const dryRun = report.runId === null;
	if (json) {
		out.write(
			`${JSON.stringify({dryRun, mode: report.mode, runId: report.runId, selected: report.selected, counts, outcomes: report.entries.map((entry) => outcomeRecord(entry))})}\n`,
		);
		return;
	}

	for (const entry of report.entries) {
		const record = outcomeRecord(entry);
		const outcome = dryRun ? plannedWords[entry.action] : record.outcome;
		out.write(`${outcome.padEnd(17)}${record.salesforceUserId}  ${record.name}  ${record.email ?? '(no email)'}${record.detail ? `  — ${record.detail}` : ''}\n`);
	}

	out.write(
		`${dryRun ? 'Dry run, nothing written: would create' : `Run #${report.runId}: created`} ${counts.create}, ${dryRun ? 'map' : 'mapped'} ${counts.map} by email, ${counts.alreadyImported} already imported, ${counts.skip} skipped.\n`,
	);
}
