import {placeFromCommandLine, runNoTeamLine} from '../core/no-team.js';
import {countEntries, type PlanEntry} from '../core/import-plan.js';
import {formatCount} from '../core/number-format.js';
import {describeEntry} from '../core/plan-entry-detail.js';
import {displayName} from '../core/salesforce-user.js';
import {toTerminalText} from '../core/terminal-text.js';
import type {ImportReport} from '../app/import-users.js';

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

/** One user's line of a report, as JSON gives it: matchedBy, manual, emailAdjusted and fill say how a mapping was made. */
export function outcomeRecord(entry: PlanEntry) {
	// The person a mapping goes to, or a conflict is about, with their own name and email (not the Salesforce user's).
	const person = entry.action === 'map' ? entry.person : entry.action === 'skip' ? entry.conflict?.person : undefined;
	return {
		salesforceUserId: entry.user.id,
		name: toTerminalText(displayName(entry.user)),
		email: entry.user.email === null ? null : toTerminalText(entry.user.email),
		outcome: outcomeNames[entry.action],
		personId: entry.action === 'map' ? entry.person.id : entry.action === 'already-imported' ? entry.personId : null,
		reason: entry.action === 'skip' ? entry.reason : null,
		detail: describeEntry(entry),
		matchedBy: entry.action === 'map' ? entry.matchedBy : null,
		manual: entry.action === 'map' && entry.manual === true,
		emailAdjusted: (entry.action === 'map' || entry.action === 'create' ? entry.emailAdjusted : undefined) ?? null,
		fill: entry.action === 'map' ? entry.fill ?? null : null,
		person: person === undefined ? null : {id: person.id, name: toTerminalText(person.name), email: toTerminalText(person.displayEmail)},
		conflictWith: entry.action === 'skip' && entry.conflict ? {salesforceUserId: entry.conflict.otherUser.id, name: entry.conflict.otherUser.name === undefined ? null : toTerminalText(entry.conflict.otherUser.name)} : null,
	};
}

/** `mapped 3 by email`, or with other ways: `mapped 5 (3 by email, 1 by hand, 1 by FederationIdentifier)`. */
export function mappedWords(entries: readonly PlanEntry[], verb: string): string {
	const by = {email: 0, manual: 0, 'federation-id': 0};
	for (const entry of entries) {
		if (entry.action === 'map') {
			by[entry.matchedBy]++;
		}
	}

	const total = by.email + by.manual + by['federation-id'];
	if (by.manual === 0 && by['federation-id'] === 0) {
		return `${verb} ${formatCount(total)} by email`;
	}

	const parts = [`${by.email} by email`, by.manual > 0 ? `${by.manual} by hand` : undefined, by['federation-id'] > 0 ? `${by['federation-id']} by FederationIdentifier` : undefined];
	return `${verb} ${formatCount(total)} (${parts.filter((part) => part !== undefined).join(', ')})`;
}

export type {ImportReport} from '../app/import-users.js';

/** A report's text line for one entry. */
export function outcomeLine(entry: PlanEntry, dryRun: boolean): string {
	const record = outcomeRecord(entry);
	const outcome = dryRun ? plannedWords[entry.action] : record.outcome;
	return `${outcome.padEnd(17)}${record.salesforceUserId}  ${record.name}  ${record.email ?? '(no email)'}${record.detail ? `  — ${record.detail}` : ''}\n`;
}


/** Prints what an import did (or would do): one line a user and a summary, or one JSON object. */
export function writeImportReport(report: ImportReport, json: boolean, out: NodeJS.WritableStream): void {
	const counts = countEntries(report.entries);
	const dryRun = report.runId === null;
	if (json) {
		out.write(
			`${JSON.stringify({dryRun, mode: report.mode, runId: report.runId, selected: report.selected, counts, outcomes: report.entries.map((entry) => outcomeRecord(entry)), ...(report.teams ? {teams: report.teams} : {}), ...(report.onNoTeam === undefined ? {} : {onNoTeam: report.onNoTeam}), ...(report.teamsPreview ? {teamsPreview: report.teamsPreview} : {})})}\n`,
		);
		return;
	}

	for (const entry of report.entries) {
		out.write(outcomeLine(entry, dryRun));
	}

	out.write(
		`${dryRun ? 'Dry run, nothing written: would create' : `Run #${report.runId}: created`} ${formatCount(counts.create)}, ${mappedWords(report.entries, dryRun ? 'map' : 'mapped')}, ${formatCount(counts.alreadyImported)} already imported, ${formatCount(counts.skip)} skipped.\n`,
	);
	if (report.teamsPreview && report.teamsPreview.teams.length > 0) {
		const teams = report.teamsPreview.teams.map((team) => `${team.name} (${team.people}${team.isNew ? ', new' : ''})`).join(', ');
		out.write(`Would put people on teams from Salesforce: ${teams}${report.teamsPreview.unplaced > 0 ? `; ${formatCount(report.teamsPreview.unplaced)} without one` : ''}.\n`);
	}

	if (report.teams?.error) {
		out.write(`Imported people were not put on teams: ${report.teams.error}\n`);
	} else if (report.teams && report.teams.placed > 0) {
		out.write(`${formatCount(report.teams.placed)} put on teams from Salesforce${report.teams.newTeams.length > 0 ? `; new teams: ${report.teams.newTeams.join(', ')}` : ''}.\n`);
	}

	if (report.onNoTeam) {
		out.write(`${runNoTeamLine(report.onNoTeam, placeFromCommandLine)}\n`);
	}
}
