import {Box} from 'ink';
import {Text} from '../components/text.js';
import React, {useState} from 'react';
import type {TeamListing} from '../../core/person.js';
import {toTerminalText} from '../../core/terminal-text.js';
import type {AppServices} from '../../app/app-services.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';
import {useStoreRead} from '../hooks/use-store-read.js';
import {TextPromptDialog} from './text-prompt-dialog.js';

type Choice = {kind: 'team'; team: TeamListing} | {kind: 'none'} | {kind: 'new'};

type Props = {
	title: string;
	/** What happens on choosing, e.g. "Put 3 people on:". */
	question: string;
	services: Pick<AppServices, 'teams' | 'describeError'>;
	/** Offer "no team" (to take people off their team). */
	allowNone?: boolean;
	width: number;
	height: number;
	/** Resolves to why it could not be done (the dialog stays open and says so), or undefined when done. */
	onPick: (teamId: number | null, teamName: string) => Promise<string | undefined>;
	onCancel: () => void;
};

/** Choose a team, or make a new one on the spot. */
export function TeamPickerDialog({title, question, services, allowNone = false, width, height, onPick, onCancel}: Props) {
	const [teams] = useStoreRead(services.teams.list, []);
	const choices: Choice[] = [...teams.map((team) => ({kind: 'team', team}) as const), {kind: 'new'}, ...(allowNone ? [{kind: 'none'} as const] : [])];
	const [cursor, setCursor] = useState(0);
	const [naming, setNaming] = useState(false);
	const [error, setError] = useState<string | undefined>();
	const visible = Math.max(3, height - 5);
	const top = Math.min(Math.max(0, cursor - visible + 1), Math.max(0, choices.length - visible));

	useKeyLayer(
		{
			priority: keyPriority.dialog,
			modal: true,
			commands: ['nav.up', 'nav.down', 'nav.open', 'nav.back'],
			labels: {'nav.open': 'choose', 'nav.back': 'cancel'},
			onCommand(command) {
				setError(undefined);
				if (command === 'nav.up') {
					setCursor(Math.max(0, cursor - 1));
				} else if (command === 'nav.down') {
					setCursor(Math.min(choices.length - 1, cursor + 1));
				} else if (command === 'nav.back') {
					onCancel();
				} else {
					const choice = choices[cursor]!;
					if (choice.kind === 'new') {
						setNaming(true);
					} else {
						void (choice.kind === 'team' ? onPick(choice.team.id, choice.team.name) : onPick(null, 'no team')).then(setError);
					}
				}
			},
		},
		!naming,
	);

	if (naming) {
		return (
			<TextPromptDialog
				title={`${title} · new team`}
				question={question}
				label="Team name"
				placeholder="Sales EMEA"
				hint="Names are compared without case: one team per name."
				submitLabel="create"
				width={width}
				onSubmit={async (name) => {
					try {
						const team = await services.teams.create(name);
						return await onPick(team.id, team.name);
					} catch (failure: unknown) {
						return services.describeError(failure);
					}
				}}
				onCancel={() => setNaming(false)}
			/>
		);
	}

	return (
		<DialogFrame title={title} width={width} lines={[question]}>
			<Box flexDirection="column">
				{choices.slice(top, top + visible).map((choice, index) => {
					const highlighted = top + index === cursor;
					const text =
						choice.kind === 'team'
							? `${toTerminalText(choice.team.name)}  (${choice.team.members} ${choice.team.members === 1 ? 'person' : 'people'})`
							: choice.kind === 'none'
								? 'No team'
								: 'New team…';
					return (
						<Text key={choice.kind === 'team' ? choice.team.id : choice.kind} color={highlighted ? 'cyan' : choice.kind === 'team' ? undefined : 'gray'} bold={highlighted} wrap="truncate">
							{`${highlighted ? '❯ ' : '  '}${text}`}
						</Text>
					);
				})}
			</Box>
			{error ? (
				<Text color="red" wrap="wrap">
					{error}
				</Text>
			) : null}
		</DialogFrame>
	);
}
