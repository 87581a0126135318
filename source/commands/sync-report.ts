import {placeFromCommandLine, runNoTeamLine} from '../core/no-team.js';
import {describeStatusChange} from '../core/plan-entry-detail.js';
import {formatCount} from '../core/number-format.js';
import {displayName} from '../core/salesforce-user.js';
import type {StatusChange} from '../core/status-changes.js';
import {toTerminalText} from '../core/terminal-text.js';
import type {SyncReport} from '../app/sync-users.js';
import {outcomeLine, outcomeRecord} from './import-report.js';

function statusChangeRecord(change: StatusChange) {
	return {
		salesforceUserId: change.user.id,
		name: toTerminalText(displayName(change.user)),
		email: change.user.email === null ? null : toTerminalText(change.user.email),
		outcome: change.action === 'deactivate' ? 'deactivated' : 'reactivated',
		personId: change.personId,
		reason: null,
		detail: describeStatusChange(change),
	};
}

/**
 * Prints what a sync did (or would do): a line a user and the run's sentence, or one JSON object with the
 * report's numbers, each import outcome, then each deactivation and reactivation.
 */
export function writeSyncReport(report: SyncReport, json: boolean, out: NodeJS.WritableStream): void {
	const dryRun = report.status === 'dry-run';
	if (report.status === 'off') {
		out.write(json ? `${JSON.stringify({autoSync: false, status: 'off', runId: null, message: report.message})}\n` : `${report.message}\n`);
		return;
	}

	if (json) {
		out.write(
			`${JSON.stringify({
				autoSync: true,
				status: report.status,
				dryRun,
				mode: 'auto',
				runId: report.runId,
				kind: report.kind,
				kindReason: report.kindReason,
				since: report.since,
				fetched: report.fetched,
				activityOwners: report.activityOwners,
				inScope: report.inScope,
				selected: report.entries.length,
				counts: {...report.counts, deactivate: report.deactivated, reactivate: report.reactivated},
				safeguard: report.safeguard,
				releasedRunId: report.releasedRunId,
				highWaterMark: report.highWaterMark,
				message: report.message,
				outcomes: [...report.entries.map((entry) => outcomeRecord(entry)), ...report.statusChanges.map((change) => statusChangeRecord(change))],
				...(report.teams ? {teams: report.teams} : {}), ...(report.defaultTeam ? {defaultTeam: report.defaultTeam} : {}), ...(report.onNoTeam === undefined ? {} : {onNoTeam: report.onNoTeam}),
			})}\n`,
		);
		return;
	}

	for (const entry of report.entries) {
		out.write(outcomeLine(entry, dryRun));
	}

	for (const change of report.statusChanges) {
		const record = statusChangeRecord(change);
		const word = dryRun ? (change.action === 'deactivate' ? 'would deactivate' : 'would reactivate') : report.status === 'held' ? 'held' : record.outcome;
		out.write(`${word.padEnd(17)}${record.salesforceUserId}  ${record.name}  ${record.email ?? '(no email)'}  — ${record.detail}\n`);
	}

	out.write(`${report.kind === 'incremental' ? `Incremental sync (users changed since ${report.since}).` : `Full sync (${report.kindReason}).`} ${report.fetched} users read, ${report.activityOwners === null ? '' : `${report.activityOwners} owning recent sales activity, `}${report.inScope} in the sync scope.\n`);
	out.write(`${report.message}\n`);
	if (report.teams?.error) {
		out.write(`Imported people were not put on teams: ${report.teams.error}\n`);
	} else if (report.teams && report.teams.placed > 0) {
		out.write(`${formatCount(report.teams.placed)} put on teams from Salesforce${report.teams.newTeams.length > 0 ? `; new teams: ${report.teams.newTeams.join(', ')}` : ''}.\n`);
	}

	if (report.defaultTeam?.error) {
		out.write(`Imported people were not put on ${report.defaultTeam.name}: ${report.defaultTeam.error}\n`);
	} else if (report.defaultTeam && report.defaultTeam.placed > 0) {
		out.write(`${formatCount(report.defaultTeam.placed)} put on ${report.defaultTeam.name}, the default team${report.defaultTeam.newTeams.length > 0 ? ' (new)' : ''}.\n`);
	}

	if (report.onNoTeam) {
		out.write(`${runNoTeamLine(report.onNoTeam, placeFromCommandLine)}\n`);
	}
}
