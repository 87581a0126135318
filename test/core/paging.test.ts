import {describe, expect, it} from 'vitest';
import {clampCursor, cursorOnPage, pageCount, pageWindow} from '../../source/core/paging.js';

describe('paging', () => {
	it('counts pages, with one page for an empty list', () => {
		expect(pageCount(0, 10)).toBe(1);
		expect(pageCount(10, 10)).toBe(1);
		expect(pageCount(11, 10)).toBe(2);
	});

	it('finds the window that holds the cursor', () => {
		expect(pageWindow(25, 42, 10)).toEqual({page: 2, pageCount: 5, start: 20, end: 30});
		expect(pageWindow(41, 42, 10)).toEqual({page: 4, pageCount: 5, start: 40, end: 42});
	});

	it('keeps the cursor inside the list', () => {
		expect(clampCursor(-3, 5)).toBe(0);
		expect(clampCursor(9, 5)).toBe(4);
		expect(clampCursor(3, 0)).toBe(0);
	});

	it('keeps the row when changing page, and stops at the ends', () => {
		expect(cursorOnPage(3, 1, 42, 10)).toBe(13);
		expect(cursorOnPage(13, 9, 42, 10)).toBe(41);
		expect(cursorOnPage(13, -1, 42, 10)).toBe(3);
	});
});
