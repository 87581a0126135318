import {describe, expect, it} from 'vitest';
import {countInScope, defaultSyncScope, describeSyncScope, inSyncScope, parseSyncScope, SyncScopeError} from '../../source/core/sync-scope.js';
import {salesforceUser} from '../support/salesforce-users.js';

const seller = salesforceUser({profileName: 'Custom: Sales Profile', roleName: 'Western Sales Team', department: 'Sales'});
const supporter = salesforceUser({profileName: 'Standard User', roleName: null, department: 'Support'});
const chatter = salesforceUser({userType: 'CsnOnly', profileName: 'Chatter Free User'});
const gone = salesforceUser({isActive: false, department: 'Sales'});

describe('inSyncScope', () => {
	it('takes active Standard users of any profile, role and department by default', () => {
		expect([seller, supporter, chatter, gone].map((user) => inSyncScope(user, defaultSyncScope))).toEqual([true, true, false, false]);
	});

	it('narrows by profile, role and department, compared without case or blanks; an empty list takes any', () => {
		expect(inSyncScope(seller, {...defaultSyncScope, profiles: [' custom: sales profile ']})).toBe(true);
		expect(inSyncScope(supporter, {...defaultSyncScope, profiles: ['Custom: Sales Profile']})).toBe(false);
		expect(inSyncScope(seller, {...defaultSyncScope, roles: ['Western Sales Team']})).toBe(true);
		// A user without a role is outside any list of roles.
		expect(inSyncScope(supporter, {...defaultSyncScope, roles: ['Western Sales Team']})).toBe(false);
		expect(inSyncScope(supporter, {...defaultSyncScope, departments: ['Sales', 'Support']})).toBe(true);
	});

	it('takes inactive users and every user type when asked', () => {
		expect(inSyncScope(gone, {...defaultSyncScope, activeOnly: false})).toBe(true);
		expect(inSyncScope(chatter, {...defaultSyncScope, userTypes: []})).toBe(true);
	});

	it('counts the users in scope', () => {
		expect(countInScope([seller, supporter, chatter, gone], {...defaultSyncScope, departments: ['Sales']})).toBe(1);
		expect(countInScope([seller, supporter, chatter, gone], {profiles: [], roles: [], departments: [], userTypes: [], activeOnly: false})).toBe(4);
	});
});

describe('parseSyncScope', () => {
	it('fills the keys left out with their defaults', () => {
		expect(parseSyncScope({profiles: ['Sales ']})).toEqual({...defaultSyncScope, profiles: ['Sales']});
		expect(describeSyncScope(parseSyncScope({departments: ['Sales'], activeOnly: false}))).toBe('departments Sales; user types Standard');
	});

	it.each([
		[[], /must be an object/],
		[{profile: ['x']}, /no "profile"/],
		[{roles: 'Sales'}, /"roles" must be a list/],
		[{departments: ['']}, /"departments" must be a list/],
		[{activeOnly: 'yes'}, /true or false/],
	])('refuses %j', (value, message) => {
		expect(() => parseSyncScope(value)).toThrow(SyncScopeError);
		expect(() => parseSyncScope(value)).toThrow(message);
	});
});
