import {Text} from './text.js';
import React, {useMemo} from 'react';
import type {KeyHint} from '../keys/key-bindings.js';
import {keyPriority, type HelpGroup} from '../keys/key-dispatcher.js';
import {DialogFrame, dialogTextWidth} from './dialog-frame.js';

const entryWidth = (hint: KeyHint) => hint.keys.length + 1 + hint.label.length;

/** A group's keys in rows of the width there is, never splitting one. */
function rowsOf(hints: readonly KeyHint[], width: number): KeyHint[][] {
	const rows: KeyHint[][] = [[]];
	let used = 0;
	for (const hint of hints) {
		const row = rows.at(-1)!;
		const needed = (row.length > 0 ? 3 : 2) + entryWidth(hint);
		if (row.length > 0 && used + needed > width) {
			rows.push([hint]);
			used = 2 + entryWidth(hint);
		} else {
			row.push(hint);
			used += needed;
		}
	}

	return rows;
}

type HelpLine = {kind: 'title'; text: string} | {kind: 'blank'} | {kind: 'keys'; hints: KeyHint[]};

function helpLines(groups: readonly HelpGroup[], width: number): HelpLine[] {
	return groups.flatMap((group, index): HelpLine[] => [
		...(index > 0 ? [{kind: 'blank'} as const] : []),
		{kind: 'title', text: group.title},
		...rowsOf(group.hints, width).map((hints) => ({kind: 'keys', hints}) as const),
	]);
}

function HelpRow({line}: {line: HelpLine}) {
	if (line.kind === 'blank') {
		return <Text> </Text>;
	}

	if (line.kind === 'title') {
		return (
			<Text bold color="cyan" wrap="truncate">
				{line.text}
			</Text>
		);
	}

	return (
		<Text wrap="truncate">
			{line.hints.map((hint, index) => (
				<Text key={hint.keys}>
					{index > 0 ? '   ' : '  '}
					<Text bold>{hint.keys}</Text>
					{` ${hint.label}`}
				</Text>
			))}
		</Text>
	);
}

/**
 * The `?` help: every key of the screen in front and the ones that work everywhere, grouped by pane, in
 * the dialog frame, so that a help longer than the screen scrolls instead of losing its last groups.
 */
export function KeyHelp({groups, width, height}: {groups: readonly HelpGroup[]; width: number; height: number}) {
	const textWidth = dialogTextWidth(width);
	const lines = useMemo(() => helpLines(groups, textWidth), [groups, textWidth]);
	const rows = useMemo(
		() => ({
			count: lines.length,
			keyOf: (index: number) => String(index),
			render: (index: number) => <HelpRow line={lines[index]!} />,
		}),
		[lines],
	);
	return <DialogFrame title="Keys here · Esc, Enter or ? closes" width={width} height={height} rows={rows} keyLevel={keyPriority.help} />;
}
