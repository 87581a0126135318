import {Box} from 'ink';
import {Text} from '../components/text.js';
import React, {useCallback, useEffect, useMemo, useState} from 'react';
import type {ImportContext} from '../../core/import-context.js';
import {conflictReasons, matchedByWords, personNamed, planImport, skipReasonLabels, skipReasonShortLabels, type MatchedBy, type PlanCounts, type PlanEntry, type SkipReason} from '../../core/import-plan.js';
import {describeConflict} from '../../core/plan-entry-detail.js';
import {displayName, type SalesforceUser} from '../../core/salesforce-user.js';
import {toTerminalText} from '../../core/terminal-text.js';
import type {AppServices, ImportProgress, ImportSummary} from '../../app/app-services.js';
import {DialogFrame, type DialogLine} from '../components/dialog-frame.js';
import {TableCell} from '../components/checkbox-table.js';
import {formatCount} from '../../core/number-format.js';
import {ProgressBar} from '../components/progress-bar.js';
import {OutcomeViewLine} from '../components/outcome-view-line.js';
import {useOutcomeNarrowing} from '../hooks/use-outcome-narrowing.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {refusalFor} from '../../core/admin-policy.js';
import {runNoTeamLine} from '../../core/no-team.js';
import {teamRuleWords, type TeamPlacementPreview, type TeamRule} from '../../core/team-placement.js';
import {useStoreRead} from '../hooks/use-store-read.js';
import {useOptionalServices} from '../services-context.js';
import {TeamPickerDialog} from './team-picker-dialog.js';
import {OrgSwitchError} from '../../core/org-switch.js';

type Props = {
	users: readonly SalesforceUser[];
	context: ImportContext;
	services: Pick<AppServices, 'importUsers' | 'describeError'>;
	width: number;
	height: number;
	/** Called once the dialog is closed; `imported` tells whether the store changed. */
	onClose: (imported: boolean) => void;
};

type Phase =
	| {kind: 'plan'}
	| {kind: 'running'; progress: ImportProgress; waiting?: string}
	| {kind: 'done'; summary: ImportSummary}
	| {kind: 'failed'; message: string}
	// The store holds another org's people: importing needs the admin's word that this store switches orgs.
	| {kind: 'switch-org'; message: string};

const count = formatCount;

/** The plan's line about the team-from-Salesforce setting: which teams get how many, and which are new. */
function teamPreviewLine(preview: TeamPlacementPreview & {rule: TeamRule}): string {
	const shown = preview.teams.slice(0, 4).map((team) => `${team.name} ${count(team.people)}${team.isNew ? ' (new)' : ''}`);
	const more = preview.teams.length > 4 ? `, ${preview.teams.length - 4} more teams` : '';
	const none = preview.unplaced > 0 ? `; ${count(preview.unplaced)} with none` : '';
	return `  Teams ${teamRuleWords[preview.rule]}: ${shown.join(', ') || 'none'}${more}${none}. People on a team already keep it.`;
}

function skipSummary(counts: PlanCounts): string {
	return Object.entries(counts.skipByReason)
		.map(([reason, value]) => `${skipReasonLabels[reason as SkipReason]} (${count(value)})`)
		.join(', ');
}

/** ` by email`, or ` (3 by email, 1 by hand)` when mappings found their people more than one way. */
function mapBySummary(counts: PlanCounts): string {
	const kinds = (Object.keys(matchedByWords) as MatchedBy[]).filter((kind) => counts.mapBy[kind] > 0);
	if (kinds.length === 0) {
		return '';
	}

	if (kinds.length === 1) {
		return ` ${matchedByWords[kinds[0]!]}`;
	}

	return ` (${kinds.map((kind) => `${count(counts.mapBy[kind])} ${matchedByWords[kind]}`).join(', ')})`;
}

/** The entries a plan spells out one by one: who maps to whom, and who another user is in the way of. */
function isListed(entry: PlanEntry): boolean {
	return entry.action === 'map' || (entry.action === 'skip' && conflictReasons.has(entry.reason));
}

function planLine(entry: PlanEntry): DialogLine {
	const name = toTerminalText(displayName(entry.user)) || entry.user.id;
	if (entry.action === 'map') {
		return {text: `  map      ${name} → ${personNamed(entry.person)} (${matchedByWords[entry.matchedBy]})`, color: 'cyan'};
	}

	return {text: `  conflict ${name}: ${describeConflict(entry) ?? (entry.action === 'skip' ? entry.detail : '')}`, color: 'yellow'};
}

function countLines(counts: PlanCounts, done: boolean): DialogLine[] {
	return [
		{text: `  ${count(counts.create)} ${done ? 'created as' : 'will be created as'} new SalesScreen people`, color: 'green'},
		{text: `  ${count(counts.map)} ${done ? 'mapped' : 'will map'} to existing people${mapBySummary(counts)}`, color: 'cyan'},
		{text: `  ${count(counts.alreadyImported)} already imported (left as they are)`, dim: true},
		{text: `  ${count(counts.skip)} skipped${counts.skip > 0 ? `: ${skipSummary(counts)}` : ''}`, color: 'yellow'},
	];
}

const outcomeWords: Record<PlanEntry['action'], {text: string; color: string}> = {
	create: {text: 'created', color: 'green'},
	map: {text: 'mapped', color: 'cyan'},
	'already-imported': {text: 'unchanged', color: 'gray'},
	skip: {text: 'skipped', color: 'yellow'},
};

function outcomeDetail(entry: PlanEntry): string {
	switch (entry.action) {
		case 'create': {
			return entry.email;
		}

		case 'map': {
			return `→ ${personNamed(entry.person)} (${matchedByWords[entry.matchedBy]})`;
		}

		case 'already-imported': {
			return 'already linked';
		}

		case 'skip': {
			return describeConflict(entry) ?? entry.detail;
		}
	}
}

/** Import users: the plan first, then the run with its progress, then every user's outcome. */
export function ImportDialog({users, context, services, width, height, onClose}: Props) {
	// People, teams and the admin rule come from the app (the Users tab hands this dialog only what importing needs).
	const app = useOptionalServices();
	// The plan is read against the store as it is now, not as it was when the list loaded: another
	// instance on a shared store, or the cron sync, may have imported some of these users since.
	const readContext = useCallback(async () => app?.loadImportContext(), [app]);
	const [freshContext] = useStoreRead(readContext, undefined);
	const planContext = freshContext ?? context;
	const plan = useMemo(() => planImport(users, planContext), [users, planContext]);
	const [phase, setPhase] = useState<Phase>({kind: 'plan'});
	const readRefusal = useCallback(async () => (app ? refusalFor('import', await app.operatorRights()) : undefined), [app]);
	const [refusal] = useStoreRead(readRefusal, undefined);
	const readPreview = useCallback(async () => {
		const preview = await app?.teams.previewPlacement(plan.entries.filter((entry) => entry.action === 'create' || entry.action === 'map').map((entry) => entry.user));
		return preview?.rule === 'off' ? undefined : preview;
	}, [app, plan]);
	const [teamPreview] = useStoreRead(readPreview, undefined);
	const [pickingTeam, setPickingTeam] = useState(false);
	const [teamNote, setTeamNote] = useState<string | undefined>();
	const planList = useMemo(() => plan.entries.filter((entry) => isListed(entry)).map((entry) => planLine(entry)), [plan]);

	const start = (switchOrg = false) => {
		setPhase({kind: 'running', progress: {done: 0, total: users.length}});
		services
			.importUsers(
				users,
				(progress) => {
					setPhase({kind: 'running', progress});
				},
				{
					switchOrg,
					onWait(waiting) {
						setPhase((previous) => (previous.kind === 'running' ? {...previous, waiting} : previous));
					},
				},
			)
			.then(
				(summary) => {
					setPhase({kind: 'done', summary});
				},
				(error: unknown) => {
					const message = services.describeError(error);
					setPhase(error instanceof OrgSwitchError ? {kind: 'switch-org', message} : {kind: 'failed', message});
				},
			);
	};

	const outcomes = phase.kind === 'done' ? phase.summary.outcomes : [];
	const importedIds = useMemo(
		() => outcomes.filter((entry) => entry.action === 'create' || entry.action === 'map').map((entry) => entry.user.id),
		[outcomes],
	);
	const narrowing = useOutcomeNarrowing(outcomes, outcomeFacts, outcomeSearchText, {isActive: phase.kind === 'done' && !pickingTeam, reasonLabel: skipReasonLabel});
	useKeyLayer({
		priority: keyPriority.dialog,
		name: 'Import users',
		modal: true,
		commands:
			phase.kind === 'plan'
				? refusal === undefined
					? ['nav.open', 'nav.back']
					: ['nav.back']
				: phase.kind === 'running'
					? []
					: phase.kind === 'done'
						? [...narrowing.commands, 'nav.open', 'nav.back', ...(app && importedIds.length > 0 && teamNote === undefined ? (['people.team'] as const) : [])]
						: phase.kind === 'switch-org'
							? ['nav.open', 'nav.back']
							: ['action.retry', 'nav.back'],
		labels:
			phase.kind === 'plan'
				? {'nav.open': 'import', 'nav.back': 'cancel'}
				: phase.kind === 'switch-org'
					? {'nav.open': 'import into this store anyway', 'nav.back': 'cancel'}
					: {'nav.open': 'close', 'nav.back': narrowing.filter.query === '' ? 'close' : 'clear search', 'people.team': 'put on a team', 'filter.start': 'search'},
		onCommand(command) {
			if (phase.kind === 'plan') {
				if (command === 'nav.open') {
					start();
				} else {
					onClose(false);
				}
			} else if (phase.kind === 'done') {
				if (narrowing.handle(command)) {
					return;
				}

				if (command === 'people.team') {
					setPickingTeam(true);
				} else {
					onClose(true);
				}
			} else if (phase.kind === 'switch-org') {
				if (command === 'nav.open') {
					start(true);
				} else {
					onClose(false);
				}
			} else if (phase.kind === 'failed') {
				if (command === 'action.retry') {
					start();
				} else {
					onClose(false);
				}
			}
		},
	}, !pickingTeam);

	// Built once a phase, not per key: a plan lists every mapping, which the frame wraps only when this changes.
	const {lines, footer} = useMemo(() => {
		const lines: DialogLine[] = [];
		const footer: DialogLine[] = [];
		if (phase.kind === 'plan') {
			lines.push('What Import users will do:', ...countLines(plan.counts, false));
			if (teamPreview) {
				lines.push(teamPreviewLine(teamPreview));
			}

			if (planList.length > 0) {
				lines.push('Mappings and conflicts:', ...planList);
			}

			// Under the list, always in view however far it scrolls.
			footer.push(
				refusal === undefined
					? plan.counts.create + plan.counts.map > 0
						? 'Press Enter to import, Esc to cancel.'
						: 'Nothing here can be imported. Press Esc to go back.'
					: {text: `${refusal} Esc goes back.`, color: 'red'},
			);
		} else if (phase.kind === 'running') {
			lines.push(phase.waiting === undefined ? `Importing… ${count(phase.progress.done)} of ${count(phase.progress.total)}` : {text: phase.waiting, color: 'yellow'});
		} else if (phase.kind === 'failed') {
			lines.push({text: `Import failed; nothing was written. ${phase.message}`, color: 'red'}, 'Press r to try again, Esc to close.');
		} else if (phase.kind === 'switch-org') {
			lines.push(
				{text: phase.message, color: 'yellow'},
				'Press Enter to import these users anyway (this store then follows the org in use now), Esc to cancel.',
			);
		} else {
			const {summary} = phase;
			lines.push({text: `Done. Run #${summary.runId} is recorded.`, color: 'green'}, ...countLines(summary.counts, true));
			if (summary.teams?.error) {
				lines.push({text: `  Not put on teams: ${summary.teams.error}`, color: 'red'});
			}

			if (summary.teams && summary.teams.placed > 0) {
				lines.push(`  ${count(summary.teams.placed)} put on teams from Salesforce${summary.teams.newTeams.length > 0 ? `; new: ${summary.teams.newTeams.join(', ')}` : ''}`);
			}

			// Until t placed them: a person on no team sells for nothing as far as SalesScreen counts.
			if (summary.onNoTeam && !teamNote) {
				lines.push({text: `  ${runNoTeamLine(summary.onNoTeam, app ? 't puts them on a team' : 'Manage › People puts them on one (t)')}`, color: 'yellow'});
			}

			if (app && importedIds.length > 0) {
				lines.push(
					teamNote
						? {text: teamNote, color: 'green'}
						: `t puts the ${count(importedIds.length)} imported ${importedIds.length === 1 ? 'person' : 'people'} on a team; Enter closes.`,
				);
			}
		}

		return {lines, footer};
	}, [phase, plan, planList, teamPreview, refusal, app, importedIds, teamNote]);

	if (app && pickingTeam) {
		return (
			<TeamPickerDialog
				title="Put the imported people on a team"
				question={`Put the ${count(importedIds.length)} imported ${importedIds.length === 1 ? 'person' : 'people'} on:`}
				services={app}
				width={width}
				height={height}
				onPick={async (teamId, teamName) => {
					try {
						const byUser = (await app.loadImportContext()).personIdBySalesforceId;
						const moved = await app.people.assignTeam(
							importedIds.flatMap((id) => byUser.get(id) ?? []),
							teamId,
						);
						setTeamNote(`${count(moved)} ${moved === 1 ? 'person' : 'people'} put on ${teamName}.`);
						setPickingTeam(false);
						return undefined;
					} catch (error: unknown) {
						return app.describeError(error);
					}
				}}
				onCancel={() => setPickingTeam(false)}
			/>
		);
	}

	return (
		<DialogFrame
			title={`Import users · ${count(users.length)} selected`}
			width={width}
			height={height}
			lines={lines}
			footer={footer}
			rows={phase.kind === 'done' ? outcomeRows(narrowing.shown) : undefined}
			resetKey={`${phase.kind}:${narrowing.key}`}
			childRows={phase.kind === 'running' || phase.kind === 'done' ? 1 : 0}
			isActive={!narrowing.filter.editing}
		>
			{phase.kind === 'running' ? <ProgressBar done={phase.progress.done} total={phase.progress.total} width={Math.max(10, width - 12)} /> : null}
			{phase.kind === 'done' ? <OutcomeViewLine narrowing={narrowing} total={outcomes.length} width={width - 4} /> : null}
		</DialogFrame>
	);
}

const outcomeFacts = (entry: PlanEntry) => ({kind: outcomeWords[entry.action].text, reason: entry.action === 'skip' ? entry.reason : null});
const outcomeSearchText = (entry: PlanEntry) => `${displayName(entry.user)} ${entry.user.email ?? ''} ${entry.action === 'map' ? `${entry.person.name} ${entry.email}` : ''}`;
const skipReasonLabel = (reason: string) => skipReasonShortLabels[reason as SkipReason] ?? reason;

/** Each user's outcome, a row each, in the columns every table shares. */
function outcomeRows(outcomes: readonly PlanEntry[]) {
	return {
		count: outcomes.length,
		keyOf: (index: number) => outcomes[index]!.user.id,
		render(index: number, width: number) {
			const entry = outcomes[index]!;
			const word = outcomeWords[entry.action];
			const name = Math.min(28, Math.max(12, Math.floor((width - 10) * 0.35)));
			return (
				<>
					<TableCell width={10} color={word.color}>
						{word.text}
					</TableCell>
					<TableCell width={name}>{toTerminalText(displayName(entry.user))}</TableCell>
					<TableCell width={width - 10 - name}>{outcomeDetail(entry)}</TableCell>
				</>
			);
		},
	};
}
