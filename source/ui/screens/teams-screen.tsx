import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useMemo, useRef, useState} from 'react';
import type {PersonListing, TeamListing} from '../../core/person.js';
import {Selection} from '../../core/selection.js';
import {teamRules, type TeamRule} from '../../core/team-placement.js';
import {toTerminalText} from '../../core/terminal-text.js';
import type {AppServices} from '../../app/app-services.js';
import {CheckboxTable, CheckboxTableHeader, cursorColumnWidth, type TableColumn} from '../components/checkbox-table.js';
import {personColumns, personId} from '../components/person-columns.js';
import {ConfirmDialog} from '../dialogs/confirm-dialog.js';
import {PeoplePickerDialog} from '../dialogs/people-picker-dialog.js';
import {TextPromptDialog} from '../dialogs/text-prompt-dialog.js';
import {usePagedSelection} from '../hooks/use-paged-selection.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import type {Command} from '../keys/key-bindings.js';
import {useGuardedChange} from '../hooks/use-guarded-change.js';
import {useStoreRead} from '../hooks/use-store-read.js';

type Props = {
	services: Pick<AppServices, 'people' | 'teams' | 'operatorRights' | 'describeError'>;
	/** The team-from-Salesforce setting, and how to change it (the app keeps the settings). */
	teamRule: TeamRule;
	onChangeTeamRule: (rule: TeamRule) => void;
	isFocused: boolean;
	onBack: () => void;
	width: number;
	height: number;
};

type Overlay =
	| {kind: 'none'}
	| {kind: 'create'}
	| {kind: 'rename'; team: TeamListing}
	| {kind: 'delete'; team: TeamListing}
	| {kind: 'add-people'; team: TeamListing};

const people = (value: number) => `${formatCount(value)} ${value === 1 ? 'person' : 'people'}`;
const teamId = (team: TeamListing) => String(team.id);

function teamColumns(width: number): Array<TableColumn<TeamListing>> {
	const members = 12;
	return [
		// Names are short: a wide column would put the counts far from the teams they belong to.
		{title: 'Team', width: Math.max(10, Math.min(44, width - cursorColumnWidth - members)), followsCursor: true, text: (team) => toTerminalText(team.name)},
		{title: 'People', width: members, text: (team) => String(team.members), color: (team) => (team.members === 0 ? 'gray' : undefined)},
	];
}

const listCommands: Command[] = ['nav.up', 'nav.down', 'nav.open', 'nav.back', 'page.previous', 'page.next', 'item.add', 'item.edit', 'item.remove', 'teams.rule', 'nav.first', 'nav.last'];
const memberCommands: Command[] = ['nav.up', 'nav.down', 'nav.back', 'page.previous', 'page.next', 'item.add', 'item.edit', 'item.remove', 'nav.first', 'nav.last'];

/** Manage › Teams: the teams, who is on each, and the rule that places imported people. */
export function TeamsScreen({services, teamRule, onChangeTeamRule, isFocused, onBack, width, height}: Props) {
	const [teams, reloadTeams] = useStoreRead(services.teams.list, []);
	const [everyone, reloadPeople] = useStoreRead<PersonListing[]>(services.people.list, []);
	const [openTeamId, setOpenTeamId] = useState<number | undefined>();
	const [overlay, setOverlay] = useState<Overlay>({kind: 'none'});
	const [message, setMessage] = useState<string | undefined>();
	const footnoteLines = width < 90 ? 3 : 2;
	const tableHeight = Math.max(1, height - 2 - footnoteLines);

	const openTeam = teams.find((team) => team.id === openTeamId);
	const members = useMemo(() => (openTeamId === undefined ? [] : everyone.filter((person) => person.teamId === openTeamId)), [everyone, openTeamId]);
	const listColumns = useMemo(() => teamColumns(width), [width]);
	const memberColumns = useMemo(() => personColumns(width, {team: false}), [width]);
	// Neither list checks anything: the paging machinery is the Users tab's, with a selection nobody fills.
	const unused = useRef(new Selection()).current;
	const teamPages = usePagedSelection(teams, tableHeight, unused, teamId);
	const memberPages = usePagedSelection(members, tableHeight, unused, personId);
	const highlightedTeam = teams[teamPages.cursor];
	const highlightedMember = members[memberPages.cursor];

	const reload = () => {
		reloadTeams();
		reloadPeople();
	};

	const {may, change} = useGuardedChange(services, setMessage, () => {
		setOverlay({kind: 'none'});
		reload();
	});

	const deleteTeam = (team: TeamListing) =>
		change(async () => {
			const moved = await services.teams.remove(team.id);
			if (openTeamId === team.id) {
				setOpenTeamId(undefined);
			}

			return moved > 0 ? `${team.name} is deleted; its ${people(moved)} are on no team now.` : `${team.name} is deleted.`;
		});

	const listHandlers: Partial<Record<Command, () => void>> = {
		'nav.up': teamPages.up,
		'nav.down': teamPages.down,
		'nav.first': teamPages.first,
		'nav.last': teamPages.last,
		'page.previous': teamPages.previousPage,
		'page.next': teamPages.nextPage,
		'nav.back': onBack,
		'nav.open'() {
			if (highlightedTeam) {
				setOpenTeamId(highlightedTeam.id);
				memberPages.resetCursor();
			}
		},
		'item.add'() {
			void may('teams').then((ok) => ok && setOverlay({kind: 'create'}));
		},
		'item.edit'() {
			if (highlightedTeam) {
				void may('teams').then((ok) => ok && setOverlay({kind: 'rename', team: highlightedTeam}));
			}
		},
		'item.remove'() {
			if (!highlightedTeam) {
				return;
			}

			void may('teams').then(async (ok) => {
				if (!ok) {
					return;
				}

				// Only a team with people on it is worth a question: its people lose their team.
				if (highlightedTeam.members > 0) {
					setOverlay({kind: 'delete', team: highlightedTeam});
				} else {
					await deleteTeam(highlightedTeam);
				}
			});
		},
		'teams.rule'() {
			void may('settings').then((ok) => {
				if (ok) {
					const next = teamRules[(teamRules.indexOf(teamRule) + 1) % teamRules.length]!;
					onChangeTeamRule(next);
					setMessage(next === 'off' ? 'Imported people are put on no team.' : `Imported people go on the team named after their ${next === 'role' ? 'Salesforce role' : 'Salesforce department'}; missing teams are created.`);
				}
			});
		},
	};

	const memberHandlers: Partial<Record<Command, () => void>> = {
		'nav.up': memberPages.up,
		'nav.down': memberPages.down,
		'nav.first': memberPages.first,
		'nav.last': memberPages.last,
		'page.previous': memberPages.previousPage,
		'page.next': memberPages.nextPage,
		'nav.back': () => setOpenTeamId(undefined),
		'item.add'() {
			if (openTeam) {
				void may('teams').then((ok) => ok && setOverlay({kind: 'add-people', team: openTeam}));
			}
		},
		'item.edit'() {
			if (openTeam) {
				void may('teams').then((ok) => ok && setOverlay({kind: 'rename', team: openTeam}));
			}
		},
		'item.remove'() {
			if (highlightedMember && openTeam) {
				void may('teams').then(async (ok) =>
					ok &&
					change(async () => {
						await services.people.assignTeam([highlightedMember.id], null);
						return `${highlightedMember.name} is off ${openTeam.name}, on no team now.`;
					}),
				);
			}
		},
	};

	const inTeam = openTeam !== undefined;
	useKeyLayer(
		{
			priority: keyPriority.content,
			name: 'Teams',
			commands: inTeam ? memberCommands : listCommands,
			labels: inTeam
				? {'item.add': 'add people', 'item.edit': 'rename', 'item.remove': 'take off team'}
				: {'nav.open': 'people', 'nav.back': '', 'item.add': 'new team', 'item.edit': 'rename', 'item.remove': 'delete'},
			onCommand(command) {
				setMessage(undefined);
				const handler = (inTeam ? memberHandlers : listHandlers)[command];
				if (!handler) {
					return false;
				}

				handler();
				return true;
			},
		},
		isFocused && overlay.kind === 'none',
	);

	const dialogWidth = Math.min(width, 76);
	const close = () => setOverlay({kind: 'none'});
	const pages = inTeam ? memberPages : teamPages;

	if (overlay.kind === 'add-people') {
		return (
			<PeoplePickerDialog
				title={`Add to ${overlay.team.name}`}
				candidates={everyone.filter((person) => person.teamId !== overlay.team.id)}
				submitLabel="add to team"
				width={width}
				height={height}
				onSubmit={(personIds) =>
					change(async () => {
						const moved = await services.people.assignTeam(personIds, overlay.team.id);
						return `${people(moved)} put on ${overlay.team.name}.`;
					}, true)
				}
				onCancel={close}
			/>
		);
	}

	return (
		<Box flexDirection="column" height={height}>
			<Box height={1}>
				<Text wrap="truncate">
					{inTeam ? (
						<>
							<Text bold>{toTerminalText(openTeam.name)}</Text>
							{` · ${people(members.length)} · page ${pages.window.page + 1} of ${formatCount(pages.window.pageCount)}`}
						</>
					) : (
						<>
							<Text bold>{`${formatCount(teams.length)} ${teams.length === 1 ? 'team' : 'teams'}`}</Text>
							{` · page ${pages.window.page + 1} of ${formatCount(pages.window.pageCount)} · team from Salesforce: `}
							<Text color={teamRule === 'off' ? undefined : 'green'}>{teamRule}</Text>
							{' (s)'}
						</>
					)}
				</Text>
			</Box>
			{overlay.kind === 'none' ? (
				<Box flexDirection="column" height={tableHeight + 1}>
					{inTeam ? (
						<>
							<CheckboxTableHeader columns={memberColumns} checkboxes={false} />
							{members.length === 0 ? (
								<Text wrap="wrap">{` No one is on ${openTeam.name}. n adds people; People › t puts checked people on a team.`}</Text>
							) : (
								<CheckboxTable items={memberPages.pageItems} idOf={personId} cursorRow={memberPages.cursor - memberPages.window.start} columns={memberColumns} />
							)}
						</>
					) : (
						<>
							<CheckboxTableHeader columns={listColumns} checkboxes={false} />
							{teams.length === 0 ? (
								<Text wrap="wrap"> No teams yet. n makes one.</Text>
							) : (
								<CheckboxTable items={teamPages.pageItems} idOf={teamId} cursorRow={teamPages.cursor - teamPages.window.start} columns={listColumns} />
							)}
						</>
					)}
				</Box>
			) : null}
			{overlay.kind === 'create' || overlay.kind === 'rename' ? (
				<TextPromptDialog
					title={overlay.kind === 'create' ? 'New team' : `Rename ${overlay.team.name}`}
					label="Team name"
					initial={overlay.kind === 'rename' ? overlay.team.name : ''}
					placeholder="Sales EMEA"
					hint="Names are compared without case: one team per name."
					submitLabel={overlay.kind === 'create' ? 'create' : 'rename'}
					width={dialogWidth}
					onSubmit={(name) =>
						change(async () => {
							if (overlay.kind === 'rename') {
								await services.teams.rename(overlay.team.id, name);
								return `${overlay.team.name} is called ${name.trim()} now.`;
							}

							const team = await services.teams.create(name);
							return `${team.name} is created. Enter shows its people; n adds some.`;
						}, true)
					}
					onCancel={close}
				/>
			) : null}
			{overlay.kind === 'delete' ? (
				<ConfirmDialog
					title="Delete team"
					question={`Delete ${overlay.team.name}? Its ${people(overlay.team.members)} stay, on no team.`}
					width={dialogWidth}
					height={height}
					onConfirm={() => {
						void deleteTeam(overlay.team).then((failed) => failed !== undefined && close());
					}}
					onCancel={close}
				/>
			) : null}
			<Box height={footnoteLines} flexDirection="column" justifyContent="flex-end">
				<Text color="yellow" wrap="wrap">
					{message ?? ''}
				</Text>
			</Box>
		</Box>
	);
}
