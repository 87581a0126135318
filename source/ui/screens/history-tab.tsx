import {isUndoCandidate} from '../../core/undo-target.js';
import {Box} from 'ink';
import {Text} from '../components/text.js';
import React, {useCallback, useEffect, useState} from 'react';
import {skipReasonShortLabels, type SkipReason} from '../../core/import-plan.js';
import {OutcomeViewLine} from '../components/outcome-view-line.js';
import {useOutcomeNarrowing} from '../hooks/use-outcome-narrowing.js';
import {refusalFor} from '../../core/admin-policy.js';
import {formatCount} from '../../core/number-format.js';
import {toTerminalText} from '../../core/terminal-text.js';
import {cursorColumnWidth, TableCell} from '../components/checkbox-table.js';
import type {AppServices, RunOutcome, RunSummary} from '../../app/app-services.js';
import {ConfirmDialog} from '../dialogs/confirm-dialog.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {useListCursor} from '../hooks/use-list-cursor.js';
import {useStoreRead} from '../hooks/use-store-read.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import type {Command} from '../keys/key-bindings.js';

type Props = {
	services: Pick<AppServices, 'history' | 'describeError' | 'operatorRights'>;
	/** Told after an undo or a released run changed the store, so that other tabs read it again. */
	onStoreChanged: () => void;
	isFocused: boolean;
	width: number;
	height: number;
};

type Overlay = 'none' | 'confirm-undo' | 'confirm-release' | 'working' | 'undoing';

/** Long enough for the terminal to get the "undoing" frame before the store holds the process. */
const paintBeforeBlockingMs = 50;

const statusColor: Record<string, string | undefined> = {completed: 'green', failed: 'red', held: 'yellow', released: 'gray', undone: 'gray'};
const outcomeColor: Record<string, string | undefined> = {
	created: 'green',
	mapped: 'cyan',
	skipped: 'yellow',
	deactivated: 'red',
	reactivated: 'green',
	removed: 'red',
	unlinked: 'red',
};

const historyFacts = (outcome: RunOutcome) => ({kind: outcome.outcome, reason: outcome.outcome === 'skipped' ? outcome.reason : null});
const historySearchText = (outcome: RunOutcome) => `${outcome.salesforceName} ${outcome.email ?? ''}`;
const skipReasonLabel = (reason: string) => skipReasonShortLabels[reason as SkipReason] ?? reason;

function when(iso: string): string {
	return `${iso.slice(0, 16).replace('T', ' ')}`;
}

/** A narrow row leaves out the counts that are zero (Enter shows them all), so the ones that matter fit. */
function counts(run: RunSummary, narrow = false): string {
	const all: Array<[number, string]> = [
		[run.created, narrow ? 'new' : 'created'],
		[run.mapped, 'mapped'],
		[run.alreadyImported, 'already imported'],
		[run.skipped, 'skipped'],
		[run.deactivated, 'deactivated'],
		[run.reactivated, 'reactivated'],
	];
	// Wide rows always say created, mapped and skipped, even when none; the rarer counts only when some.
	const shown = all.filter(([value, word]) => value > 0 || (!narrow && ['created', 'mapped', 'skipped'].includes(word)));
	const parts = shown.length > 0 ? shown.map(([value, word]) => `${formatCount(value)} ${word}`) : ['nothing changed'];
	return run.error ? `${parts.join(' · ')} · ${run.error}` : parts.join(' · ');
}

/** Who ran it only where there is room: over SSH it is mostly the same few admins. */
function RunRow({run, highlighted, width}: {run: RunSummary; highlighted: boolean; width: number}) {
	const operator = width >= 100 ? 13 : 0;
	const fixed = cursorColumnWidth + 8 + 12 + 8 + operator;
	// Completed is the usual case; only the others earn the room.
	const status = run.status === 'completed' ? '' : `${run.status} `;
	return (
		<Box height={1}>
			<TableCell width={cursorColumnWidth} inverse={highlighted}>
				{highlighted ? '›' : ' '}
			</TableCell>
			<TableCell width={8} inverse={highlighted}>{`#${run.id}`}</TableCell>
			<TableCell width={12} inverse={highlighted}>{when(run.startedAt).slice(5)}</TableCell>
			<TableCell width={8} inverse={highlighted}>{run.mode}</TableCell>
			<TableCell width={operator} inverse={highlighted}>{toTerminalText(run.operator)}</TableCell>
			<TableCell width={Math.max(1, width - fixed)} inverse={highlighted} color={statusColor[run.status] && status ? statusColor[run.status] : undefined}>
				{`${status}${counts(run, width < 90)}`}
			</TableCell>
		</Box>
	);
}

function OutcomeRow({outcome, width, highlighted}: {outcome: RunOutcome; width: number; highlighted: boolean}) {
	// Wide terminals give the detail the room; names and emails rarely need more than this.
	const name = Math.min(28, Math.max(12, Math.floor(width * 0.24)));
	const email = Math.min(40, Math.max(12, Math.floor(width * 0.3)));
	const kind = width < 100 ? 12 : 17;
	const said = outcome.detail ?? outcome.reason ?? '';
	// Runs recorded before the detail said "by hand" get the words from the manual flag.
	const detail = [outcome.manual && !said.includes('by hand') ? 'mapped by hand' : '', said].filter(Boolean).join('; ');
	return (
		<Box height={1}>
			<TableCell width={cursorColumnWidth} inverse={highlighted}>
				{highlighted ? '›' : ' '}
			</TableCell>
			<TableCell width={name} inverse={highlighted}>{toTerminalText(outcome.salesforceName)}</TableCell>
			<TableCell width={email} inverse={highlighted}>{toTerminalText(outcome.email ?? '–')}</TableCell>
			<TableCell width={kind} color={outcomeColor[outcome.outcome]} inverse={highlighted}>
				{outcome.outcome}
			</TableCell>
			<TableCell width={Math.max(1, width - cursorColumnWidth - name - email - kind)} inverse={highlighted}>
				{toTerminalText(detail)}
			</TableCell>
		</Box>
	);
}

/**
 * Every import run, newest first, each opening to what it did to every user; the last run can be undone,
 * and an automatic run the safeguard held can be released.
 */
export function HistoryTab({services, onStoreChanged, isFocused, width, height}: Props) {
	const {history} = services;
	const [runs, reloadRuns] = useStoreRead<RunSummary[]>(history.listRuns, []);
	const [openRun, setOpenRun] = useState<RunSummary | undefined>();
	const [outcomes, setOutcomes] = useState<RunOutcome[]>([]);
	const [overlay, setOverlay] = useState<Overlay>('none');
	const [message, setMessage] = useState<{text: string; color: string} | undefined>();
	const listHeight = Math.max(1, height - 4);
	const runCursor = useListCursor(runs.length, listHeight);
	const narrowing = useOutcomeNarrowing(outcomes, historyFacts, historySearchText, {isActive: isFocused && overlay === 'none' && openRun !== undefined, reasonLabel: skipReasonLabel});
	// The run's title, its counts and what is shown take three rows above the outcomes.
	const outcomeCursor = useListCursor(narrowing.shown.length, listHeight - 2);
	const {first: outcomesFromTop} = outcomeCursor;
	useEffect(() => {
		outcomesFromTop();
	}, [narrowing.key]); // eslint-disable-line react-hooks/exhaustive-deps

	const reload = useCallback(() => {
		reloadRuns();
		onStoreChanged();
	}, [reloadRuns, onStoreChanged]);

	// The run undo would reverse (newest first): the same rule the undo itself follows.
	const lastUndoable = runs.find((run) => isUndoCandidate(run));
	const cursorFor = openRun ? outcomeCursor : runCursor;
	const navigation: Partial<Record<Command, () => void>> = {
		'nav.up': cursorFor.up,
		'nav.down': cursorFor.down,
		'page.previous': cursorFor.previousPage,
		'page.next': cursorFor.nextPage,
		'nav.first': cursorFor.first,
		'nav.last': cursorFor.last,
	};

	useKeyLayer(
		{
			priority: keyPriority.content,
			name: 'History',
			commands: [
				'nav.up',
				'nav.down',
				'page.previous',
				'page.next',
				'nav.first',
				'nav.last',
				...(openRun ? [...narrowing.commands, 'nav.back' as const] : runs.length > 0 ? (['nav.open'] as const) : []),
				...(lastUndoable?.status === 'completed' ? (['history.undo'] as const) : []),
				...(openRun?.status === 'held' ? (['history.release'] as const) : []),
			],
			labels: {'nav.open': 'open run', 'nav.back': narrowing.filter.query === '' ? 'all runs' : 'clear search', 'filter.start': 'search'},
			onCommand(command) {
				setMessage(undefined);
				if (openRun && narrowing.handle(command)) {
					return true;
				}

				const move = navigation[command];
				if (move) {
					move();
				} else if (command === 'nav.open') {
					const run = runs[runCursor.cursor];
					if (run) {
						void history.runOutcomes(run.id).then((rows) => {
							setOutcomes(rows);
							setOpenRun(run);
							outcomeCursor.first();
						});
					}
				} else if (command === 'nav.back') {
					setOpenRun(undefined);
				} else if (command === 'history.undo' || command === 'history.release') {
					void services.operatorRights().then((rights) => {
						const refusal = refusalFor(command === 'history.undo' ? 'undo' : 'release-held', rights);
						if (refusal) {
							setMessage({text: refusal, color: 'yellow'});
						} else {
							setOverlay(command === 'history.undo' ? 'confirm-undo' : 'confirm-release');
						}
					});
				} else {
					return false;
				}

				return true;
			},
		},
		isFocused && overlay === 'none',
	);

	// The undo holds the process while the store works: the frame that says it is working goes out first.
	// Cancelling half-way is not offered: the undo is all or nothing.
	useEffect(() => {
		if (overlay !== 'undoing') {
			return;
		}

		// Not cleared on unmount: once confirmed, leaving the tab does not call the undo off.
		setTimeout(undo, paintBeforeBlockingMs);
	}, [overlay]); // eslint-disable-line react-hooks/exhaustive-deps

	const undo = () => {
		history.undoLastRun().then(
			(result) => {
				const kept = result.keptPeople.length > 0 ? ` Kept ${formatCount(result.keptPeople.length)}: ${result.keptPeople.map((person) => `${person.name} (${person.reason})`).join(', ')}.` : '';
				setMessage({text: `Undid run #${result.undoneRunId}: removed ${formatCount(result.removedPeople)} people and ${formatCount(result.removedLinks)} links.${kept}`, color: 'green'});
				setOverlay('none');
				setOpenRun(undefined);
				reload();
			},
			(error: unknown) => {
				setMessage({text: `Nothing undone: ${services.describeError(error)}`, color: 'red'});
				setOverlay('none');
			},
		);
	};

	const release = () => {
		setOverlay('working');
		history.releaseHeldSync().then(
			(summary) => {
				setMessage({text: summary, color: 'green'});
				setOverlay('none');
				setOpenRun(undefined);
				reload();
			},
			(error: unknown) => {
				setMessage({text: `Not released: ${services.describeError(error)}`, color: 'red'});
				setOverlay('none');
			},
		);
	};

	const footerLine = message ? (
		<Text color={message.color} wrap="wrap">
			{message.text}
		</Text>
	) : null;

	if (overlay === 'confirm-undo' && lastUndoable) {
		return (
			<ConfirmDialog
				title="Undo the last run"
				question={`Undo run #${lastUndoable.id} (${counts(lastUndoable)})? The people it created are removed unless something refers to them now, and the links it made are undone. The undo is recorded too.`}
				width={Math.min(width, 90)}
				height={height}
				onConfirm={() => {
					setOverlay('undoing');
				}}
				onCancel={() => {
					setOverlay('none');
				}}
			/>
		);
	}

	if (overlay === 'undoing' && lastUndoable) {
		return (
			<DialogFrame
				title="Undo the last run"
				width={Math.min(width, 90)}
				height={height}
				lines={[
					{text: `Undoing run #${lastUndoable.id}: removing ${formatCount(lastUndoable.created + lastUndoable.mapped)} links and up to ${formatCount(lastUndoable.created)} people…`, color: 'yellow'},
					'A large run takes some seconds. It is undone all at once or not at all, so it cannot be stopped half-way; keys wait until it is done.',
				]}
			/>
		);
	}

	if (overlay === 'confirm-release' && openRun) {
		return (
			<ConfirmDialog
				title="Release the held sync"
				question={`Run the automatic sync that run #${openRun.id} held, deactivations included?`}
				width={Math.min(width, 90)}
				height={height}
				onConfirm={release}
				onCancel={() => {
					setOverlay('none');
				}}
			/>
		);
	}

	if (openRun) {
		const page = narrowing.shown.slice(outcomeCursor.window.start, outcomeCursor.window.end);
		return (
			<Box flexDirection="column" height={height}>
				<Text wrap="truncate" bold>
					{`Run #${openRun.id} · page ${formatCount(outcomeCursor.window.page + 1)} of ${formatCount(outcomeCursor.window.pageCount)} · `}
					<Text color={statusColor[openRun.status]}>{openRun.status}</Text>
					{` · ${openRun.mode} by ${toTerminalText(openRun.operator)} · ${when(openRun.startedAt)} UTC`}
				</Text>
				<Text wrap="truncate" dimColor>
					{openRun.status === 'held' ? 'Held by the safeguard: nothing was changed. R releases it.' : counts(openRun)}
				</Text>
				<OutcomeViewLine narrowing={narrowing} total={outcomes.length} width={width} />
				{page.length === 0 ? <Text dimColor>{outcomes.length === 0 ? ' No users in this run.' : ' No outcome matches; o shows another, Esc clears the search.'}</Text> : null}
				{page.map((outcome, index) => (
					<OutcomeRow key={`${outcome.salesforceUserId}-${index}`} outcome={outcome} width={width - 2} highlighted={outcomeCursor.window.start + index === outcomeCursor.cursor} />
				))}
				{overlay === 'working' ? <Text color="yellow">Running the held sync…</Text> : overlay === 'undoing' ? <Text color="yellow">Undoing…</Text> : footerLine}
			</Box>
		);
	}

	const page = runs.slice(runCursor.window.start, runCursor.window.end);
	return (
		<Box flexDirection="column" height={height}>
			{/* The empty History is all there is to read: it wraps; the runs' summary line keeps to one row. */}
			<Text wrap={runs.length === 0 ? 'wrap' : 'truncate'} dimColor>
				{runs.length === 0
					? 'No imports yet. Runs of Import users and of the sync command appear here.'
					: `${formatCount(runs.length)} run${runs.length === 1 ? '' : 's'}, newest first · page ${runCursor.window.page + 1} of ${runCursor.window.pageCount}${lastUndoable?.status === 'completed' ? ` · u undoes run #${lastUndoable.id}` : ''}`}
			</Text>
			{page.map((run, index) => (
				<RunRow key={run.id} run={run} width={width} highlighted={runCursor.window.start + index === runCursor.cursor} />
			))}
			{footerLine}
		</Box>
	);
}
