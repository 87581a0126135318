import {Box} from 'ink';
import {Text} from './text.js';
import React from 'react';
import {fitColumn, fitText} from '../../core/fit-text.js';

/** One column of a paged table: how wide, what heading, and what each row shows in it. */
export type TableColumn<T> = {
	title: string;
	width: number;
	text: (item: T) => string;
	color?: (item: T) => string | undefined;
	/** The highlighted row shows this column bold, in the cursor's colour (the name, say). */
	followsCursor?: boolean;
};

/** Width of the cursor-and-checkbox column: "›[x]" and a gap. */
export const checkColumnWidth = 5;
/** Width of the cursor column of a table without checkboxes. */
export const cursorColumnWidth = 2;

/**
 * One cell of every table (Users, People, Teams, History, result lists): the text shortened to the
 * column by the shared rule (ending in …), and a column's gap after it.
 */
export function TableCell({width, children, color, bold, inverse}: {width: number; children: string; color?: string; bold?: boolean; inverse?: boolean}) {
	if (width <= 0) {
		return null;
	}

	return (
		// The gap is a box of its own: ink lets truncated text run into a box's right padding.
		<Box width={width} flexShrink={0}>
			<Box width={Math.max(1, width - 1)}>
				<Text wrap="truncate" color={color} bold={bold} inverse={inverse}>
					{fitText(children, Math.max(1, width - 1))}
				</Text>
			</Box>
		</Box>
	);
}

export function CheckboxTableHeader<T>({columns, checkboxes = true}: {columns: ReadonlyArray<TableColumn<T>>; checkboxes?: boolean}) {
	return (
		<Box height={1}>
			<TableCell width={checkboxes ? checkColumnWidth : cursorColumnWidth}>{''}</TableCell>
			{columns.map((column) => (
				<TableCell key={column.title} bold width={column.width}>
					{column.title}
				</TableCell>
			))}
		</Box>
	);
}

type RowProps<T> = {
	item: T;
	highlighted: boolean;
	/** undefined: the table has no checkboxes. */
	selected: boolean | undefined;
	columns: ReadonlyArray<TableColumn<T>>;
};

function TableRow<T>({item, highlighted, selected, columns}: RowProps<T>) {
	const rowColor = highlighted ? 'cyan' : undefined;
	const lead = selected === undefined ? (highlighted ? '›' : ' ') : `${highlighted ? '›' : ' '}${selected ? '[x]' : '[ ]'}`;
	const shown = columns.filter((column) => column.width > 0);
	// One text a row, its columns laid out by the shared rule as spans: ink measures, lays out and draws
	// a text node per row instead of three boxes and a text per cell, which is most of a keypress's frame.
	return (
		<Box height={1}>
			<Text wrap="truncate">
				<Text color={rowColor} bold={highlighted}>
					{rowCell(lead, selected === undefined ? cursorColumnWidth : checkColumnWidth, false)}
				</Text>
				{shown.map((column, index) => (
					<Text key={column.title} color={column.followsCursor && highlighted ? rowColor : column.color?.(item)} bold={column.followsCursor === true && highlighted}>
						{rowCell(column.text(item), column.width, index === shown.length - 1)}
					</Text>
				))}
			</Text>
		</Box>
	);
}

/** A cell of a one-text row: shortened by the shared rule, then its column's gap; the last one is not padded, so the line ends where its text does. */
function rowCell(text: string, width: number, last: boolean): string {
	const room = Math.max(1, width - 1);
	return last ? fitText(text, room) : `${fitColumn(text, room)} `;
}

// A keypress changes one or two rows of a page: the others keep their props and are not rendered again.
const MemoRow = React.memo(TableRow) as typeof TableRow;

type Props<T> = {
	/** The visible page only; nothing else is ever rendered. */
	items: readonly T[];
	idOf: (item: T) => string;
	/** Row of the page that is highlighted; -1 for none. */
	cursorRow: number;
	/** Omitted for a table one only moves through. */
	isSelected?: (item: T) => boolean;
	/** Keep the same array while nothing it shows changed (useMemo), so unchanged rows are not drawn again. */
	columns: ReadonlyArray<TableColumn<T>>;
};

/** One page of a list, a row each, with a cursor and (optionally) a checkbox per row. */
export function CheckboxTable<T>({items, idOf, cursorRow, isSelected, columns}: Props<T>) {
	return (
		<Box flexDirection="column">
			{items.map((item, row) => (
				<MemoRow key={idOf(item)} item={item} highlighted={row === cursorRow} selected={isSelected?.(item)} columns={columns} />
			))}
		</Box>
	);
}
