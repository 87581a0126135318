import {describe, expect, it} from 'vitest';
import {planStatusChanges, type LinkedPerson} from '../../source/core/status-changes.js';
import {salesforceUser} from '../support/salesforce-users.js';

const person = (personId: number, active: boolean, deactivatedBySync = false): LinkedPerson => ({personId, name: `P${personId}`, active, deactivatedBySync});

describe('planStatusChanges', () => {
	const left = salesforceUser({isActive: false});
	const back = salesforceUser({isActive: true});
	const stillAway = salesforceUser({isActive: false});
	const heldByAdmin = salesforceUser({isActive: true});
	const unlinked = salesforceUser({isActive: false});
	const linked = new Map([
		[left.id, person(1, true)],
		[back.id, person(2, false, true)],
		[stillAway.id, person(3, false, true)],
		[heldByAdmin.id, person(4, false, false)],
	]);

	it('deactivates people whose Salesforce user became inactive, and reactivates those it deactivated on return', () => {
		expect(planStatusChanges([left, back, stillAway, heldByAdmin, unlinked], linked).map((change) => [change.action, change.personId])).toEqual([
			['deactivate', 1],
			['reactivate', 2],
		]);
	});

	it('never reactivates a person an admin made inactive, nor touches users that are not linked', () => {
		expect(planStatusChanges([heldByAdmin, unlinked], linked)).toEqual([]);
	});
});
