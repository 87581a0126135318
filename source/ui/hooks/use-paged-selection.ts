import {useCallback, useMemo, useRef, useState} from 'react';
import type {Command} from '../keys/key-bindings.js';
import {clampCursor, cursorOnPage, pageWindow, type PageWindow} from '../../core/paging.js';
import type {Selection} from '../../core/selection.js';

export type PagedSelection<T> = {
	/** Index of the highlighted item in the whole list. */
	cursor: number;
	window: PageWindow;
	pageItems: readonly T[];
	selectedCount: number;
	isSelected: (item: T) => boolean;
	pageFullySelected: boolean;
	up: () => void;
	down: () => void;
	first: () => void;
	last: () => void;
	previousPage: () => void;
	nextPage: () => void;
	toggle: () => void;
	/** Checks every item on the page, or clears them all when they already are. */
	togglePage: () => void;
	selectAll: () => void;
	clear: () => void;
	resetCursor: () => void;
};

/**
 * Moving, paging and checking over a list that may hold 100,000 items. Only the visible page is
 * sliced out; the selection is changed in place and a counter re-renders the view.
 */
export function usePagedSelection<T>(
	items: readonly T[],
	pageSize: number,
	selection: Selection,
	idOf: (item: T) => string,
): PagedSelection<T> {
	const [rawCursor, setRawCursor] = useState(0);
	// The cursor a key left, even before React re-renders: the next key moves on from there.
	const latestCursor = useRef(rawCursor);
	const [, setSelectionVersion] = useState(selection.version);
	const total = items.length;
	const cursor = clampCursor(rawCursor, total);
	const window = pageWindow(cursor, total, pageSize);
	const pageItems = useMemo(() => items.slice(window.start, window.end), [items, window.start, window.end, total]);

	const moveCursor = (next: (current: number) => number) => {
		const value = clampCursor(next(clampCursor(latestCursor.current, total)), total);
		latestCursor.current = value;
		setRawCursor(value);
	};

	const resetCursor = useCallback(() => {
		latestCursor.current = 0;
		setRawCursor(0);
	}, []);

	const currentPage = () => pageWindow(clampCursor(latestCursor.current, total), total, pageSize);

	const changed = useCallback(() => {
		setSelectionVersion(selection.version);
	}, [selection]);

	const pageIds = () => {
		const {start, end} = currentPage();
		return items.slice(start, end).map((item) => idOf(item));
	};

	return {
		cursor,
		window,
		pageItems,
		selectedCount: selection.size,
		isSelected: (item) => selection.has(idOf(item)),
		pageFullySelected: selection.hasAll(pageIds()),
		up: () => moveCursor((current) => current - 1),
		down: () => moveCursor((current) => current + 1),
		first: () => moveCursor(() => 0),
		last: () => moveCursor(() => total - 1),
		previousPage: () => moveCursor((current) => cursorOnPage(current, currentPage().page - 1, total, pageSize)),
		nextPage: () => moveCursor((current) => cursorOnPage(current, currentPage().page + 1, total, pageSize)),
		toggle() {
			const item = items[clampCursor(latestCursor.current, total)];
			if (item !== undefined) {
				selection.toggle(idOf(item));
				changed();
			}
		},
		togglePage() {
			const ids = pageIds();
			selection.set(ids, !selection.hasAll(ids));
			changed();
		},
		selectAll() {
			selection.set(
				items.map((item) => idOf(item)),
				true,
			);
			changed();
		},
		clear() {
			selection.clear();
			changed();
		},
		resetCursor,
	};
}

/** The commands every checkbox list answers the same way: moving, paging and checking. */
export function pagedSelectionHandlers<T>(paged: PagedSelection<T>): Partial<Record<Command, () => void>> {
	return {
		'nav.up': paged.up,
		'nav.down': paged.down,
		'nav.first': paged.first,
		'nav.last': paged.last,
		'page.previous': paged.previousPage,
		'page.next': paged.nextPage,
		'selection.toggle': paged.toggle,
		'selection.page': paged.togglePage,
		'selection.clear': paged.clear,
	};
}
