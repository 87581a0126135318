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

describe('the activity scope', () => {
	const salesActivity = {...defaultSyncScope, activity: {objects: ['Opportunity' as const], days: 30}};

	it('takes only owners of recent activity, and still narrows by the rest of the scope', () => {
		const owners = new Set([seller.id, chatter.id]);
		expect([seller, supporter, chatter, gone].map((user) => inSyncScope(user, salesActivity, owners))).toEqual([true, false, false, false]);
		expect(countInScope([seller, supporter, chatter, gone], {...salesActivity, userTypes: []}, owners)).toBe(2);
	});

	it('counts nobody it cannot know: no count until the owners are read', () => {
		expect(countInScope([seller], salesActivity)).toBeNull();
		expect(inSyncScope(seller, salesActivity)).toBe(false);
		// Off, as before: the owners are not needed.
		expect(countInScope([seller], defaultSyncScope)).toBe(1);
	});

	it('is off by default; true takes every object and 30 days; an object picks them, case aside', () => {
		expect(parseSyncScope({}).activity).toBeUndefined();
		expect(parseSyncScope({activity: true}).activity).toEqual({objects: ['Opportunity', 'Task', 'Event'], days: 30});
		expect(parseSyncScope({activity: {objects: ['event', 'Opportunity']}}).activity).toEqual({objects: ['Opportunity', 'Event'], days: 30});
		expect(parseSyncScope({activity: {days: 7}}).activity).toEqual({objects: ['Opportunity', 'Task', 'Event'], days: 7});
		expect(parseSyncScope({activity: false})).toEqual(defaultSyncScope);
	});

	it('says in words whom it takes', () => {
		expect(describeSyncScope(parseSyncScope({activity: true}))).toBe(
			'user types Standard; active only; owners of opportunities, tasks or events created or changed in the last 30 days',
		);
		expect(describeSyncScope(parseSyncScope({activity: {objects: ['Task'], days: 1}, userTypes: [], activeOnly: false}))).toBe(
			'owners of tasks created or changed in the last day',
		);
	});

	it.each([
		[{activity: 'yes'}, /"activity" must be true, false or an object/],
		[{activity: {objects: []}}, /one or more of Opportunity, Task, Event/],
		[{activity: {objects: ['Lead']}}, /one or more of Opportunity, Task, Event/],
		[{activity: {days: 0}}, /from 1 to 3650/],
		[{activity: {days: 2.5}}, /whole number/],
		[{activity: {weeks: 2}}, /no "weeks"/],
	])('refuses %j', (value, message) => {
		expect(() => parseSyncScope(value)).toThrow(SyncScopeError);
		expect(() => parseSyncScope(value)).toThrow(message);
	});
});
