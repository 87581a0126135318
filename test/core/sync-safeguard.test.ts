import {describe, expect, it} from 'vitest';
import {isSafeguardShare, safeguardVerdict} from '../../source/core/sync-safeguard.js';

describe('safeguardVerdict', () => {
	it('holds a run that would deactivate more than the share of linked people, and no fewer', () => {
		expect(safeguardVerdict(20, 100, 0.2)).toMatchObject({holds: false, limit: 20});
		expect(safeguardVerdict(21, 100, 0.2)).toMatchObject({holds: true, limit: 20, wouldDeactivate: 21, linkedPeople: 100});
		expect(safeguardVerdict(0, 0, 0.2).holds).toBe(false);
		// A share of 0 holds any deactivation; 1 holds none.
		expect(safeguardVerdict(1, 100, 0).holds).toBe(true);
		expect(safeguardVerdict(100, 100, 1).holds).toBe(false);
	});

	it('accepts shares from 0 to 1 only', () => {
		expect([0, 0.2, 1].every((share) => isSafeguardShare(share))).toBe(true);
		expect([-0.1, 1.5, Number.NaN, '0.2'].some((share) => isSafeguardShare(share))).toBe(false);
	});
});
