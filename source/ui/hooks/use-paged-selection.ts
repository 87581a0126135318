import {useCallback, useMemo, useState} from 'react';
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
	const [rawCursor, setCursor] = useState(0);
	const [, setSelectionVersion] = useState(selection.version);
	const total = items.length;
	const cursor = clampCursor(rawCursor, total);
	const window = pageWindow(cursor, total, pageSize);
	const pageItems = useMemo(() => items.slice(window.start, window.end), [items, window.start, window.end, total]);

	const resetCursor = useCallback(() => {
		setCursor(0);
	}, []);

	const changed = useCallback(() => {
		setSelectionVersion(selection.version);
	}, [selection]);

	const pageIds = () => pageItems.map((item) => idOf(item));

	return {
		cursor,
		window,
		pageItems,
		selectedCount: selection.size,
		isSelected: (item) => selection.has(idOf(item)),
		pageFullySelected: selection.hasAll(pageIds()),
		up: () => setCursor(clampCursor(cursor - 1, total)),
		down: () => setCursor(clampCursor(cursor + 1, total)),
		first: () => setCursor(0),
		last: () => setCursor(clampCursor(total - 1, total)),
		previousPage: () => setCursor(cursorOnPage(cursor, window.page - 1, total, pageSize)),
		nextPage: () => setCursor(cursorOnPage(cursor, window.page + 1, total, pageSize)),
		toggle() {
			const item = items[cursor];
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
