import {historyReport} from '../app/history.js';
import type {OutcomeCounts, OutcomeRecord, RunRecord} from '../app/ports/history-store.js';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {formatCount} from '../core/number-format.js';
import {withChosenStore} from '../chosen-store.js';
import {UsageError} from './usage-error.js';

export type HistoryFormat = 'text' | 'json' | 'csv';

const csvColumns = [
	'run_id',
	'mode',
	'status',
	'operator',
	'started_at',
	'salesforce_user_id',
	'salesforce_name',
	'email',
	'outcome',
	'reason',
	'detail',
	'person_id',
	'manual',
] as const;

// Quotes every field that needs it (RFC 4180), and defuses spreadsheet formulas in names from Salesforce.
function csvField(value: string | number | boolean | null): string {
	if (value === null) {
		return '';
	}

	let text = String(value);
	if (/^[=+\-@]/.test(text)) {
		text = `'${text}`;
	}

	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(run: RunRecord, outcome: OutcomeRecord): string {
	const values = [
		run.id,
		run.mode,
		run.status,
		run.operator,
		run.startedAt,
		outcome.salesforceUserId,
		outcome.salesforceName,
		outcome.email,
		outcome.outcome,
		outcome.reason,
		outcome.detail,
		outcome.personId,
		outcome.manual ? 'yes' : 'no',
	];
	return values.map((value) => csvField(value)).join(',');
}

/** What one run did, in a line: its counts, or why it failed, was held, undone or released. */
async function describeRun(run: RunRecord, countOutcomes: () => Promise<OutcomeCounts>): Promise<string> {
	if (run.status === 'failed') {
		return `failed: ${run.error ?? 'unknown error'}`;
	}

	const outcomes = await countOutcomes();
	if (run.mode === 'undo') {
		return `${run.note ?? `undoes run #${run.undoesRunId ?? '?'}`}${run.reactivatedCount + run.deactivatedCount > 0 ? `; ${formatCount(run.reactivatedCount)} made active again, ${formatCount(run.deactivatedCount)} inactive again` : ''}`;
	}

	const byHand = outcomes.manual > 0 ? ` (${outcomes.manual} by hand)` : '';
	const statusChanges = run.mode === 'auto' ? `, made inactive ${formatCount(run.deactivatedCount)}, active again ${formatCount(run.reactivatedCount)}` : '';
	const counts = `created ${formatCount(run.createdCount)}, mapped ${formatCount(run.mappedCount)}${byHand}, already imported ${formatCount(run.alreadyImportedCount)}, skipped ${formatCount(run.skippedCount)}${statusChanges}`;
	const kind = run.syncKind === null ? '' : ` (${run.syncKind} sync)`;
	switch (run.status) {
		case 'held': {
			return `HELD, nothing changed: ${run.note ?? ''} Would have: ${counts}`;
		}

		case 'released': {
			return `held, then ${run.note ?? 'released'}; would have: ${counts}`;
		}

		case 'undone': {
			return `${counts}${kind} — ${run.note ?? 'undone'}`;
		}

		default: {
			return `${counts}${kind}${run.note ? ` — ${run.note}` : ''}`;
		}
	}
}

/** `salesscreen history`: every import run and each user's outcome, for people and for other tools. */
export async function historyCommand(options: {format: HistoryFormat; limit?: number}, out: NodeJS.WritableStream): Promise<number> {
	if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) {
		throw new UsageError('--limit takes a whole number of runs, 1 or more.');
	}

	const home = resolveAppHome();
	ensureAppHome(home);
	return withChosenStore(home, async (store) => {
		const runs = await historyReport({history: store.ports.history}, {limit: options.limit});
		if (options.format === 'json') {
			const report = [];
			for (const {run, outcomes} of runs) {
				// eslint-disable-next-line no-await-in-loop
				report.push({...run, outcomes: await outcomes()});
			}

			out.write(`${JSON.stringify(report)}\n`);
		} else if (options.format === 'csv') {
			out.write(`${csvColumns.join(',')}\r\n`);
			for (const {run, outcomes} of runs) {
				// eslint-disable-next-line no-await-in-loop
				for (const outcome of await outcomes()) {
					out.write(`${csvRow(run, outcome)}\r\n`);
				}
			}
		} else if (runs.length === 0) {
			out.write('No imports yet.\n');
		} else {
			for (const {run, counts} of runs) {
				// eslint-disable-next-line no-await-in-loop
				out.write(`#${run.id}  ${run.startedAt}  ${run.mode.padEnd(6)}  by ${run.operator}  ${formatCount(run.selectedCount)} selected  ${await describeRun(run, counts)}\n`);
			}
		}

		return 0;
	});
}
