import {describe, expect, it} from 'vitest';
import {displayWidth} from '../../source/core/display-width.js';
import {firstThatFits, fitColumn, fitText, fitTextEnd} from '../../source/core/fit-text.js';
import {formatCount} from '../../source/core/number-format.js';
import {wrapText} from '../../source/core/wrap-text.js';

describe('fitText', () => {
	it('keeps text that fits and ends shortened text with …', () => {
		expect(fitText('Ann Lee', 7)).toBe('Ann Lee');
		expect(fitText('Bernadette Okonkwo-Smith', 10)).toBe('Bernadett…');
		expect(displayWidth(fitText('Bernadette Okonkwo-Smith', 10))).toBe(10);
	});

	it('counts wide characters as two columns', () => {
		expect(fitText('李小龙李小龙', 5)).toBe('李小…');
		expect(displayWidth(fitColumn('李小龙李小龙', 6))).toBe(6);
	});

	it('pads a column to its width', () => {
		expect(fitColumn('ab', 5)).toBe('ab   ');
	});

	it('shows the end of a typed text, where the cursor is', () => {
		expect(fitTextEnd('bernadette', 6)).toBe('…dette');
		expect(fitTextEnd('bern', 6)).toBe('bern');
	});
});

describe('wrapText', () => {
	it('breaks at spaces and loses no word', () => {
		const text = 'The people it created are removed unless something refers to them now.';
		const lines = wrapText(text, 20);
		expect(lines.every((line) => displayWidth(line) <= 20)).toBe(true);
		expect(lines.join(' ')).toBe(text);
	});

	it('breaks a word wider than a line inside it', () => {
		expect(wrapText('a averyveryverylongemail@example.com b', 10)).toEqual(['a', 'averyveryv', 'erylongema', 'il@example', '.com b']);
	});

	it('keeps a paragraph indent on each of its lines', () => {
		expect(wrapText('  12 skipped: no email (3)', 14)).toEqual(['  12 skipped:', '  no email (3)']);
	});
});

describe('formatCount', () => {
	it('groups thousands', () => {
		expect(formatCount(87198)).toBe('87,198');
		expect(formatCount(7)).toBe('7');
	});
});

describe('firstThatFits', () => {
	const wordings = ['page 1 of 27 · 265 listed', 'page 1/27 · 265', '1/27'] as const;
	it('takes the fullest wording that fits, and the shortest when none does', () => {
		expect(firstThatFits(wordings, 40, (text) => text)).toBe('page 1 of 27 · 265 listed');
		expect(firstThatFits(wordings, 20, (text) => text)).toBe('page 1/27 · 265');
		expect(firstThatFits(wordings, 2, (text) => text)).toBe('1/27');
	});

	it('measures in terminal columns: a wide character takes two', () => {
		expect(firstThatFits(['名前名前', 'ab'], 6, (text) => text)).toBe('ab');
	});
});
