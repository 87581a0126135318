/** Page arithmetic for a list shown a page at a time; pages are 0-based. */
export type PageWindow = {page: number; pageCount: number; start: number; end: number};

export function pageCount(total: number, pageSize: number): number {
	return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

export function pageWindow(cursor: number, total: number, pageSize: number): PageWindow {
	const size = Math.max(1, pageSize);
	const count = pageCount(total, size);
	const page = Math.min(Math.floor(Math.max(0, cursor) / size), count - 1);
	const start = page * size;
	return {page, pageCount: count, start, end: Math.min(total, start + size)};
}

/** Where the cursor lands after a move, kept inside the list. */
export function clampCursor(cursor: number, total: number): number {
	if (total <= 0) {
		return 0;
	}

	return Math.min(Math.max(0, cursor), total - 1);
}

/** Changing page keeps the cursor on the same row of the new page, or the last row if that page is shorter. */
export function cursorOnPage(cursor: number, targetPage: number, total: number, pageSize: number): number {
	const size = Math.max(1, pageSize);
	const count = pageCount(total, size);
	const page = Math.min(Math.max(0, targetPage), count - 1);
	const row = Math.max(0, cursor) % size;
	return clampCursor(page * size + row, total);
}
