import {describe, expect, it} from 'vitest';
import {filterUsers} from '../../source/core/user-filter.js';
import {salesforceUser} from '../support/salesforce-users.js';

describe('filterUsers', () => {
	const ann = salesforceUser({firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.com'});
	const bob = salesforceUser({firstName: 'Bob', lastName: 'Ray', email: 'BOB@Other.com', isActive: false});
	const bot = salesforceUser({firstName: null, lastName: 'Automated Process', email: null, userType: 'AutomatedProcess'});
	const all = [ann, bob, bot];

	it('lists only active Standard users unless asked for all', () => {
		expect(filterUsers(all, {showAll: false, query: ''})).toEqual([ann]);
		expect(filterUsers(all, {showAll: true, query: ''})).toEqual(all);
	});

	it('matches the query in the name or the email, ignoring case', () => {
		expect(filterUsers(all, {showAll: true, query: 'other.COM'})).toEqual([bob]);
		expect(filterUsers(all, {showAll: true, query: ' ann lee'})).toEqual([ann]);
		expect(filterUsers(all, {showAll: true, query: 'process'})).toEqual([bot]);
	});
});
