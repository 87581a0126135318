import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';
import type {KeyHint} from '../keys/key-bindings.js';
import type {HelpGroup} from '../keys/key-dispatcher.js';

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

/** The `?` help: every key of the screen in front and the ones that work everywhere, grouped by pane. */
export function KeyHelp({groups, width, height}: {groups: readonly HelpGroup[]; width: number; height: number}) {
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold wrap="truncate">
				Keys here <Text dimColor>· Esc, Enter or ? closes</Text>
			</Text>
			{groups.map((group) => (
				<Box key={group.title} flexDirection="column" marginTop={1}>
					<Text bold color="cyan" wrap="truncate">
						{group.title}
					</Text>
					{rowsOf(group.hints, width).map((row) => (
						<Text key={row.map((hint) => hint.keys).join(' ')} wrap="truncate">
							{row.map((hint, index) => (
								<Text key={hint.keys}>
									{index > 0 ? '   ' : '  '}
									<Text bold>{hint.keys}</Text>
									{` ${hint.label}`}
								</Text>
							))}
						</Text>
					))}
				</Box>
			))}
		</Box>
	);
}
