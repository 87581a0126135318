import {describe, expect, it} from 'vitest';
import {Selection} from '../../source/core/selection.js';

describe('Selection', () => {
	it('toggles ids on and off and counts each change', () => {
		const selection = new Selection();
		selection.toggle('a');
		selection.toggle('b');
		selection.toggle('a');
		expect(selection.ids()).toEqual(['b']);
		expect(selection.version).toBe(3);
	});

	it('selects and clears many at once, and tells whether all of a page are selected', () => {
		const selection = new Selection();
		selection.set(['a', 'b', 'c'], true);
		expect(selection.hasAll(['a', 'c'])).toBe(true);
		selection.set(['c'], false);
		expect(selection.hasAll(['a', 'c'])).toBe(false);
		expect(selection.hasAll([])).toBe(false);
		selection.clear();
		expect(selection.size).toBe(0);
	});
});
