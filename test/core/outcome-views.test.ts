import {describe, expect, it} from 'vitest';
import {describeView, isInView, outcomeViews, type OutcomeFacts} from '../../source/core/outcome-views.js';

const facts = (kind: string, reason: string | null = null): OutcomeFacts => ({kind, reason});

describe('outcomeViews', () => {
	it('offers all, each kind present with the usual ones first, and each reason of a kind given for several', () => {
		const items = [facts('skipped', 'inactive'), facts('created'), facts('skipped', 'no-email'), facts('skipped', 'inactive'), facts('mapped')];
		const views = outcomeViews(items, (item) => item, (reason) => reason.replace('-', ' '));
		expect(views.map((view) => `${view.label} ${view.count}`)).toEqual(['all 5', 'created 1', 'mapped 1', 'skipped 3', 'skipped: inactive 2', 'skipped: no email 1']);
		const noEmail = views.at(-1)!;
		expect(items.filter((item) => isInView(item, noEmail))).toHaveLength(1);
		expect(describeView(views[0]!, 87_672, 87_672)).toBe('all · 87,672 of 87,672');
	});

	it('offers no reason view that would show the same as its kind', () => {
		const views = outcomeViews([facts('skipped', 'inactive'), facts('skipped', 'inactive')], (item) => item);
		expect(views.map((view) => view.label)).toEqual(['all', 'skipped']);
	});
});
