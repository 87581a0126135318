import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';
import type {KeyHint} from '../keys/key-bindings.js';
import {useKeyHints, useKeyPane} from '../keys/key-dispatcher.js';

/** At most this many rows of keys: enough for People at 80 columns, without eating the lists above. */
const maxRows = 3;

const hintWidth = (hint: KeyHint) => hint.keys.length + 1 + hint.label.length;

/** Hints packed into rows of the terminal's width, never splitting one; the last row takes what is left. */
function packRows(hints: readonly KeyHint[], width: number, firstRowTaken: number): {rows: KeyHint[][]; lastRowWidth: number} {
	const rows: KeyHint[][] = [[]];
	let used = firstRowTaken;
	for (const hint of hints) {
		const row = rows.at(-1)!;
		const needed = (row.length > 0 ? 2 : 1) + hintWidth(hint);
		if (row.length > 0 && used + needed > width && rows.length < maxRows) {
			rows.push([hint]);
			used = 1 + hintWidth(hint);
		} else {
			row.push(hint);
			used += needed;
		}
	}

	return {rows, lastRowWidth: used};
}

const isHelp = (hint: KeyHint) => hint.keys === '?';

/**
 * The hints that fit in the footer's rows. When they do not all fit, the last ones before `? help` give way
 * (they come last because they are the rarest): `? help` itself always stays, since it lists every key.
 */
function packHints(hints: readonly KeyHint[], width: number, firstRowTaken: number): KeyHint[][] {
	const kept = [...hints];
	let packed = packRows(kept, width, firstRowTaken);
	while (packed.lastRowWidth > width && kept.length > 1) {
		const help = kept.findIndex((hint) => isHelp(hint));
		kept.splice(help === kept.length - 1 ? kept.length - 2 : kept.length - 1, 1);
		packed = packRows(kept, width, firstRowTaken);
	}

	return packed.rows;
}

function messageWidth(message: string | undefined): number {
	return message ? message.length + 2 : 0;
}

/** The name of the pane that has the keys, shown first so it is never in doubt where a key goes. */
const paneLabel = (pane: string | undefined) => (pane ? ` ${pane} ` : '');

/** How many rows the footer needs now; the screen above gives them up. */
export function useFooterRows(width: number, message: string | undefined): number {
	return packHints(useKeyHints(), width, messageWidth(message) + paneLabel(useKeyPane()).length).length;
}

/** The keys that work right now: whatever the front-most screen answers. */
function FooterView({width, message}: {width: number; message?: string}) {
	const pane = paneLabel(useKeyPane());
	const rows = packHints(useKeyHints(), width, messageWidth(message) + pane.length);
	return (
		<Box height={rows.length} width={width} flexDirection="column">
			{rows.map((row, rowIndex) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={rowIndex} wrap="truncate">
					{rowIndex === 0 && pane ? (
						<Text inverse bold>
							{pane}
						</Text>
					) : null}
					{rowIndex === 0 && message ? <Text color="yellow">{` ${message} `}</Text> : null}
					{row.map((hint, index) => (
						<Text key={`${hint.keys}:${hint.label}`}>
							{index > 0 ? '  ' : ' '}
							<Text bold color="cyan">
								{hint.keys}
							</Text>
							<Text dimColor>{` ${hint.label}`}</Text>
						</Text>
					))}
				</Text>
			))}
		</Box>
	);
}

// Drawn again only when its keys (a context), width or message change, not for every batch of users.
export const Footer = React.memo(FooterView);
