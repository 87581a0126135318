import {Box} from 'ink';
import {Text} from '../components/text.js';
import {formatCount} from '../../core/number-format.js';
import React, {useState} from 'react';
import type {PersonHistoryEntry, PersonListing} from '../../core/person.js';
import {toTerminalText} from '../../core/terminal-text.js';
import {originText} from '../components/person-columns.js';
import {DialogFrame} from '../components/dialog-frame.js';
import {keyPriority, useKeyLayer} from '../keys/key-dispatcher.js';

type Props = {
	person: PersonListing;
	history: readonly PersonHistoryEntry[];
	width: number;
	height: number;
	onClose: () => void;
};

const outcomeColors: Record<string, string> = {created: 'green', mapped: 'cyan', 'already-imported': 'gray', skipped: 'yellow'};

/** Everything about one person, and what each import did about them, newest first. */
export function PersonDetailsDialog({person, history, width, height, onClose}: Props) {
	const [scroll, setScroll] = useState(0);
	const listHeight = Math.max(1, height - 9);
	useKeyLayer({
		priority: keyPriority.dialog,
		modal: true,
		commands: ['nav.up', 'nav.down', 'nav.back', 'nav.open'],
		labels: {'nav.up': 'scroll', 'nav.back': 'close', 'nav.open': 'close'},
		onCommand(command) {
			if (command === 'nav.up') {
				setScroll(Math.max(0, scroll - 1));
			} else if (command === 'nav.down') {
				setScroll(Math.min(Math.max(0, history.length - listHeight), scroll + 1));
			} else {
				onClose();
			}
		},
	});

	const role = person.role === 'admin' ? `admin${person.osLogin ? ` (OS login ${person.osLogin})` : ''}` : `member${person.osLogin ? ` (OS login ${person.osLogin})` : ''}`;
	return (
		<DialogFrame title={`${toTerminalText(person.name)} · ${person.email}`} width={width}>
			<Text wrap="truncate">{`Role: ${role} · ${person.active ? 'active' : 'deactivated'} · team: ${person.teamName ?? 'none'}`}</Text>
			<Text wrap="truncate">{`Title: ${person.title ?? '—'}`}</Text>
			<Text wrap="truncate">
				{person.salesforceUserId === null
					? `Origin: ${originText(person)}, not linked to Salesforce`
					: `Origin: linked to Salesforce user ${person.salesforceName ?? '(name unknown)'} (${person.salesforceUserId})`}
			</Text>
			<Text bold wrap="truncate">
				{history.length === 0 ? 'Import history: no import has named this person.' : `Import history (${formatCount(history.length)}, newest first):`}
			</Text>
			<Box flexDirection="column" height={Math.min(listHeight, history.length)}>
				{history.slice(scroll, scroll + listHeight).map((entry, index) => (
					<Text key={`${entry.runId}-${scroll + index}`} wrap="truncate">
						{`#${entry.runId} ${entry.startedAt.replace('T', ' ').slice(0, 16)} by ${entry.operator} (${entry.mode}) `}
						<Text color={outcomeColors[entry.outcome]}>{entry.outcome}</Text>
						{` ${toTerminalText(entry.salesforceName)} (${entry.salesforceUserId})${entry.detail ? ` — ${toTerminalText(entry.detail)}` : ''}`}
					</Text>
				))}
			</Box>
		</DialogFrame>
	);
}
