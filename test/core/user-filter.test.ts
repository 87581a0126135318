import {describe, expect, it} from 'vitest';
import {filterUsers, growingFilter} from '../../source/core/user-filter.js';
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

describe('growingFilter', () => {
	const users = Array.from({length: 30}, (_unused, index) =>
		salesforceUser({firstName: `User${index}`, lastName: index % 3 === 0 ? 'Lee' : 'Ray', isActive: index % 4 !== 0}),
	);

	it('gives what filterUsers gives for a list that grows in place, batch by batch, and keeps its array while nothing arrives', () => {
		const filtered = growingFilter();
		const list: typeof users = [];
		for (let start = 0; start < users.length; start += 7) {
			list.push(...users.slice(start, start + 7));
			const view = {showAll: false, query: ''};
			const result = filtered(list, view);
			expect(result).toEqual(filterUsers(list, view));
			expect(filtered(list, view)).toBe(result);
		}
	});

	it('filters from the start for another view or another list', () => {
		const filtered = growingFilter();
		const list = users.slice(0, 10);
		filtered(list, {showAll: false, query: ''});
		expect(filtered(list, {showAll: true, query: 'lee'})).toEqual(filterUsers(list, {showAll: true, query: 'lee'}));
		const other = users.slice(5, 20);
		expect(filtered(other, {showAll: true, query: 'lee'})).toEqual(filterUsers(other, {showAll: true, query: 'lee'}));
	});
});
