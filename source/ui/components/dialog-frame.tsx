import {Box} from 'ink';
import {Text} from './text.js';
import {useLook} from '../look/look-context.js';
import React, {useEffect, useMemo, useReducer, type ReactNode} from 'react';
import {formatCount} from '../../core/number-format.js';
import {wrapText} from '../../core/wrap-text.js';
import type {Command} from '../keys/key-bindings.js';
import {keyPriority, useKeyLayer, type KeyLevel} from '../keys/key-dispatcher.js';

/** A paragraph of a dialog: wrapped to the dialog's width, never cut. */
export type DialogLine = string | {text: string; color?: string; bold?: boolean; dim?: boolean};

/** Rows of one line each after the prose (a run's outcomes): only the visible ones are drawn. */
export type DialogRows = {
	count: number;
	keyOf: (index: number) => string;
	/** One row, at most `width` columns; `highlighted` is never set, rows are read, not chosen. */
	render: (index: number, width: number) => ReactNode;
};

type Props = {
	title: string;
	width: number;
	/** Rows the dialog may take on screen, its border included; without it the dialog takes what its text needs. */
	height?: number;
	/** The prose: wrapped, and scrolled with ↑/↓, PgUp/PgDn, Home/End when it is longer than the dialog. */
	lines?: readonly DialogLine[];
	rows?: DialogRows;
	/** Always in view under the scrolled part: the question's keys, a field. Wrapped too. */
	footer?: readonly DialogLine[];
	/** An interactive part (a field, a list) drawn below, `childRows` tall; it keeps its own keys. */
	children?: ReactNode;
	childRows?: number;
	/** Whether this dialog is in front and may take the scroll keys. */
	isActive?: boolean;
	/** Back to the top when this changes (a new phase, another filter). */
	resetKey?: string | number;
	/** The key level of its scroll keys: just in front of a dialog's own keys unless told (the help's). */
	keyLevel?: KeyLevel;
};

/** Border (2), padding (2): what the text has of the dialog's width. */
export const dialogTextWidth = (width: number) => Math.max(1, width - 4);

type Line = {text: string; color?: string; bold?: boolean; dim?: boolean};

function wrapLines(lines: readonly DialogLine[], width: number): Line[] {
	return lines.flatMap((line) => {
		const look = typeof line === 'string' ? {text: line} : line;
		return wrapText(look.text, width).map((text) => ({...look, text}));
	});
}

type Scroll = {top: number; reset: string | number | undefined};

function scrollReducer(state: Scroll, action: {to: (top: number) => number; max: number} | {reset: string | number | undefined}): Scroll {
	if ('reset' in action) {
		return action.reset === state.reset ? state : {top: 0, reset: action.reset};
	}

	const top = Math.min(Math.max(0, action.to(state.top)), Math.max(0, action.max));
	return top === state.top ? state : {...state, top};
}

const scrollCommands: Command[] = ['nav.up', 'nav.down', 'page.previous', 'page.next', 'nav.first', 'nav.last'];

function LineText({line}: {line: Line}) {
	return (
		<Text wrap="truncate" color={line.color} bold={line.bold} dimColor={line.dim}>
			{line.text === '' ? ' ' : line.text}
		</Text>
	);
}

/**
 * The one frame every dialog is drawn in: a bordered box with a title whose text is wrapped to the width
 * it has and, when longer than the screen, scrolls, so no sentence of a question, plan or result is cut.
 * Each drawn row stays one terminal line, and only the rows in view are drawn.
 */
export function DialogFrame({title, width, height, lines = [], rows, footer = [], children, childRows = 0, isActive = true, resetKey, keyLevel = keyPriority.dialogFrame}: Props) {
	const look = useLook();
	const textWidth = dialogTextWidth(width);
	const body = useMemo(() => wrapLines(lines, textWidth), [lines, textWidth]);
	const bottom = useMemo(() => wrapLines(footer, textWidth), [footer, textWidth]);
	// A title names what the dialog is about (a user, a run): wrapped like the rest, never cut.
	const heading = useMemo(() => wrapText(title, textWidth), [title, textWidth]);
	const total = body.length + (rows?.count ?? 0);
	// The border takes two rows and the title its own; what is always in view takes its own too.
	const room = height === undefined ? Number.MAX_SAFE_INTEGER : Math.max(1, height - 2 - heading.length - bottom.length - childRows);
	const overflows = total > room;
	// The position line takes a row of its own while there is more than fits.
	const visible = overflows ? Math.max(1, room - 1) : room;
	const maxTop = Math.max(0, total - visible);
	const [scroll, dispatch] = useReducer(scrollReducer, {top: 0, reset: resetKey});
	useEffect(() => {
		dispatch({reset: resetKey});
	}, [resetKey]);
	const top = Math.min(scroll.top, maxTop);

	useKeyLayer(
		{
			// Just in front of the dialog's own keys (answer, close), which it lets through.
			priority: keyLevel,
			commands: scrollCommands,
			labels: {'nav.up': 'scroll', 'page.previous': 'page'},
			onCommand(command) {
				const step: Record<string, (current: number) => number> = {
					'nav.up': (current) => current - 1,
					'nav.down': (current) => current + 1,
					'page.previous': (current) => current - visible,
					'page.next': (current) => current + visible,
					'nav.first': () => 0,
					'nav.last': () => Number.MAX_SAFE_INTEGER,
				};
				dispatch({to: step[command]!, max: maxTop});
			},
		},
		isActive && overflows,
	);

	const shown: ReactNode[] = [];
	for (let index = top; index < Math.min(total, top + visible); index++) {
		if (index < body.length) {
			// eslint-disable-next-line react/no-array-index-key
			shown.push(<LineText key={`line-${index}`} line={body[index]!} />);
		} else if (rows) {
			const row = index - body.length;
			shown.push(
				<Box key={`row-${rows.keyOf(row)}`} height={1} width={textWidth} overflow="hidden">
					{rows.render(row, textWidth)}
				</Box>,
			);
		}
	}

	return (
		<Box flexDirection="column" borderStyle="round" borderColor={look.color ? 'cyan' : undefined} paddingX={1} width={width} flexShrink={0}>
			{heading.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={`title-${index}`} bold color="cyan" wrap="truncate">
					{line}
				</Text>
			))}
			{shown}
			{overflows ? (
				<Text dimColor wrap="truncate">
					{`lines ${formatCount(top + 1)}–${formatCount(Math.min(total, top + visible))} of ${formatCount(total)} · ↑↓ PgUp/PgDn`}
				</Text>
			) : null}
			{bottom.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<LineText key={`footer-${index}`} line={line} />
			))}
			{children}
		</Box>
	);
}
