import {useCallback, useState} from 'react';
import {clampCursor, cursorOnPage, pageWindow, type PageWindow} from '../../core/paging.js';

export type ListCursor = {
	cursor: number;
	window: PageWindow;
	up: () => void;
	down: () => void;
	previousPage: () => void;
	nextPage: () => void;
	first: () => void;
	last: () => void;
};

/** A highlighted row in a list shown a page at a time, with no selection: for lists one reads and opens. */
export function useListCursor(total: number, pageSize: number): ListCursor {
	const [rawCursor, setCursor] = useState(0);
	const cursor = clampCursor(rawCursor, total);
	const window = pageWindow(cursor, total, pageSize);
	const move = useCallback(
		(next: (current: number) => number) => {
			setCursor((current) => clampCursor(next(clampCursor(current, total)), total));
		},
		[total],
	);
	return {
		cursor,
		window,
		up: () => move((current) => current - 1),
		down: () => move((current) => current + 1),
		// The page of the cursor the previous key left, not of the last render.
		previousPage: () => move((current) => cursorOnPage(current, pageWindow(current, total, pageSize).page - 1, total, pageSize)),
		nextPage: () => move((current) => cursorOnPage(current, pageWindow(current, total, pageSize).page + 1, total, pageSize)),
		first: () => move(() => 0),
		last: () => move(() => total - 1),
	};
}
