import {Box, Text} from 'ink';
import React, {useEffect, useMemo, useState} from 'react';
import type {ImportContext} from '../../core/import-context.js';
import {planImport, skipReasonLabels, type PlanCounts, type PlanEntry, type SkipReason} from '../../core/import-plan.js';
import {displayName, type SalesforceUser} from '../../core/salesforce-user.js';
import {toTerminalText} from '../../core/terminal-text.js';
import type {AppServices, ImportProgress, ImportSummary} from '../app-services.js';
import {Panel} from '../components/panel.js';
import {ProgressBar} from '../components/progress-bar.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {refusalFor} from '../../core/admin-policy.js';
import {teamRuleWords, type TeamPlacementPreview, type TeamRule} from '../../core/team-placement.js';
import {useOptionalServices} from '../services-context.js';
import {TeamPickerDialog} from './team-picker-dialog.js';

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
	| {kind: 'running'; progress: ImportProgress}
	| {kind: 'done'; summary: ImportSummary}
	| {kind: 'failed'; message: string};

const count = (value: number) => value.toLocaleString('en-US');

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

function CountLines({counts, done}: {counts: PlanCounts; done: boolean}) {
	return (
		<Box flexDirection="column">
			<Text color="green" wrap="truncate">{`  ${count(counts.create)} ${done ? 'created as' : 'will be created as'} new SalesScreen people`}</Text>
			<Text color="cyan" wrap="truncate">{`  ${count(counts.map)} ${done ? 'mapped' : 'will map'} to existing people by email`}</Text>
			<Text dimColor wrap="truncate">{`  ${count(counts.alreadyImported)} already imported (left as they are)`}</Text>
			<Text color="yellow" wrap="truncate">
				{`  ${count(counts.skip)} skipped${counts.skip > 0 ? `: ${skipSummary(counts)}` : ''}`}
			</Text>
		</Box>
	);
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
			return `→ ${toTerminalText(entry.person.name)} <${entry.email}>`;
		}

		case 'already-imported': {
			return 'already linked';
		}

		case 'skip': {
			return entry.detail;
		}
	}
}

/** Import users: the plan first, then the run with its progress, then every user's outcome. */
export function ImportDialog({users, context, services, width, height, onClose}: Props) {
	const plan = useMemo(() => planImport(users, context), [users, context]);
	const [phase, setPhase] = useState<Phase>({kind: 'plan'});
	// People, teams and the admin rule come from the app (the Users tab hands this dialog only what importing needs).
	const app = useOptionalServices();
	const [refusal] = useState(() => (app ? refusalFor('import', app.operatorRights()) : undefined));
	const teamPreview = useMemo(() => {
		const preview = app?.teams.previewPlacement(plan.entries.filter((entry) => entry.action === 'create' || entry.action === 'map').map((entry) => entry.user));
		return preview?.rule === 'off' ? undefined : preview;
	}, [app, plan]);
	const [pickingTeam, setPickingTeam] = useState(false);
	const [teamNote, setTeamNote] = useState<string | undefined>();
	const [scroll, setScroll] = useState(0);

	const start = () => {
		setPhase({kind: 'running', progress: {done: 0, total: users.length}});
		services
			.importUsers(users, (progress) => {
				setPhase({kind: 'running', progress});
			})
			.then(
				(summary) => {
					setPhase({kind: 'done', summary});
				},
				(error: unknown) => {
					setPhase({kind: 'failed', message: services.describeError(error)});
				},
			);
	};

	useEffect(() => {
		setScroll(0);
	}, [phase.kind]);

	const outcomes = phase.kind === 'done' ? phase.summary.outcomes : [];
	const importedIds = useMemo(
		() => outcomes.filter((entry) => entry.action === 'create' || entry.action === 'map').map((entry) => entry.user.id),
		[outcomes],
	);
	const teamLines =
		phase.kind === 'done'
			? (phase.summary.teams?.error ? 1 : 0) + (phase.summary.teams && phase.summary.teams.placed > 0 ? 1 : 0) + (app && importedIds.length > 0 ? 1 : 0)
			: 0;
	const listHeight = Math.max(1, height - 10 - teamLines);
	useKeyLayer({
		priority: keyPriority.dialog,
		modal: true,
		commands:
			phase.kind === 'plan'
				? refusal === undefined
					? ['nav.open', 'nav.back']
					: ['nav.back']
				: phase.kind === 'running'
					? []
					: phase.kind === 'done'
						? ['nav.up', 'nav.down', 'nav.open', 'nav.back', ...(app && importedIds.length > 0 && teamNote === undefined ? (['people.team'] as const) : [])]
						: ['action.retry', 'nav.back'],
		labels:
			phase.kind === 'plan'
				? {'nav.open': 'import', 'nav.back': 'cancel'}
				: {'nav.open': 'close', 'nav.back': 'close', 'nav.up': 'scroll', 'people.team': 'put on a team'},
		onCommand(command) {
			if (phase.kind === 'plan') {
				if (command === 'nav.open') {
					start();
				} else {
					onClose(false);
				}
			} else if (phase.kind === 'done') {
				if (command === 'people.team') {
					setPickingTeam(true);
				} else if (command === 'nav.up') {
					setScroll((value) => Math.max(0, value - 1));
				} else if (command === 'nav.down') {
					setScroll((value) => Math.min(Math.max(0, outcomes.length - listHeight), value + 1));
				} else {
					onClose(true);
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

	if (app && pickingTeam) {
		return (
			<TeamPickerDialog
				title="Put the imported people on a team"
				question={`Put the ${count(importedIds.length)} imported ${importedIds.length === 1 ? 'person' : 'people'} on:`}
				services={app}
				width={width}
				height={height}
				onPick={(teamId, teamName) => {
					try {
						const byUser = app.loadImportContext().personIdBySalesforceId;
						const moved = app.people.assignTeam(
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
		<Panel title={`Import users · ${count(users.length)} selected`} width={width}>
			{phase.kind === 'plan' ? (
				<Box flexDirection="column">
					<Text wrap="truncate">What Import users will do:</Text>
					<CountLines counts={plan.counts} done={false} />
					{teamPreview ? <Text wrap="wrap">{teamPreviewLine(teamPreview)}</Text> : null}
					{refusal === undefined ? (
						<Text wrap="truncate">
							{plan.counts.create + plan.counts.map > 0
								? 'Press Enter to import, Esc to cancel.'
								: 'Nothing here can be imported. Press Esc to go back.'}
						</Text>
					) : (
						<Text color="red" wrap="wrap">{`${refusal} Esc goes back.`}</Text>
					)}
				</Box>
			) : null}
			{phase.kind === 'running' ? (
				<Box flexDirection="column">
					<Text wrap="truncate">{`Importing… ${count(phase.progress.done)} of ${count(phase.progress.total)}`}</Text>
					<ProgressBar done={phase.progress.done} total={phase.progress.total} width={Math.max(10, width - 12)} />
				</Box>
			) : null}
			{phase.kind === 'failed' ? (
				<Box flexDirection="column">
					<Text color="red" wrap="truncate">{`Import failed; nothing was written. ${phase.message}`}</Text>
					<Text wrap="truncate">Press r to try again, Esc to close.</Text>
				</Box>
			) : null}
			{phase.kind === 'done' ? (
				<Box flexDirection="column">
					<Text color="green" wrap="truncate">{`Done. Run #${phase.summary.runId} is recorded.`}</Text>
					<CountLines counts={phase.summary.counts} done />
					{phase.summary.teams?.error ? <Text color="red" wrap="truncate">{`  Not put on teams: ${phase.summary.teams.error}`}</Text> : null}
					{phase.summary.teams && phase.summary.teams.placed > 0 ? (
						<Text wrap="truncate">{`  ${count(phase.summary.teams.placed)} put on teams from Salesforce${phase.summary.teams.newTeams.length > 0 ? `; new: ${phase.summary.teams.newTeams.join(', ')}` : ''}`}</Text>
					) : null}
					{app && importedIds.length > 0 ? (
						<Text color={teamNote ? 'green' : undefined} wrap="truncate">
							{teamNote ?? `t puts the ${count(importedIds.length)} imported ${importedIds.length === 1 ? 'person' : 'people'} on a team; Enter closes.`}
						</Text>
					) : null}
					<Box flexDirection="column" height={Math.min(listHeight, outcomes.length)}>
						{outcomes.slice(scroll, scroll + listHeight).map((entry) => {
							const word = outcomeWords[entry.action];
							return (
								<Text key={entry.user.id} wrap="truncate">
									<Text color={word.color}>{word.text.padEnd(10)}</Text>
									{`${toTerminalText(displayName(entry.user)).padEnd(24).slice(0, 24)} ${outcomeDetail(entry)}`}
								</Text>
							);
						})}
					</Box>
				</Box>
			) : null}
		</Panel>
	);
}
