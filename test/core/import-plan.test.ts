import {describe, expect, it} from 'vitest';
import type {ImportContext, KnownPerson} from '../../source/core/import-context.js';
import {classifyUser, planImport} from '../../source/core/import-plan.js';
import {salesforceUser} from '../support/salesforce-users.js';

function contextWith(people: KnownPerson[], links: Array<[salesforceId: string, personId: number]> = []): ImportContext {
	return {
		personByEmail: new Map(people.map((person) => [person.email, person])),
		personIdBySalesforceId: new Map(links),
		salesforceIdByPersonId: new Map(links.map(([salesforceId, personId]) => [personId, salesforceId])),
	};
}

const jane: KnownPerson = {id: 7, name: 'Jane Doe', email: 'jane.doe@acme.com'};

describe('planImport', () => {
	it('creates a person for a user whose email nobody has', () => {
		const user = salesforceUser({email: 'New.Person@Acme.com'});
		const plan = planImport([user], contextWith([jane]));
		expect(plan.entries).toEqual([{action: 'create', user, email: 'new.person@acme.com'}]);
		expect(plan.counts.create).toBe(1);
	});

	it('maps to the existing person whose email matches without regard to case or blanks', () => {
		const user = salesforceUser({email: '  JANE.Doe@ACME.com '});
		const [entry] = planImport([user], contextWith([jane])).entries;
		expect(entry).toMatchObject({action: 'map', person: {id: 7}});
	});

	it('leaves a user that is already linked alone, whatever their email is now', () => {
		const user = salesforceUser({email: 'changed@acme.com'});
		const [entry] = planImport([user], contextWith([jane], [[user.id, 7]])).entries;
		expect(entry).toEqual({action: 'already-imported', user, personId: 7});
	});

	it('does not re-link a person already linked to another Salesforce user', () => {
		const user = salesforceUser({email: 'jane.doe@acme.com'});
		const [entry] = planImport([user], contextWith([jane], [['005OTHER000000000A', 7]])).entries;
		expect(entry).toMatchObject({action: 'skip', reason: 'person-linked-to-other-user'});
		expect(entry?.action === 'skip' && entry.detail).toContain('005OTHER000000000A');
	});

	it('never imports two selected users with one email onto one person', () => {
		const first = salesforceUser({firstName: 'Ann', lastName: 'One', email: 'shared@acme.com'});
		const second = salesforceUser({firstName: 'Bob', lastName: 'Two', email: 'SHARED@acme.com'});
		const plan = planImport([first, second], contextWith([]));
		expect(plan.entries[0]).toMatchObject({action: 'create'});
		expect(plan.entries[1]).toMatchObject({action: 'skip', reason: 'duplicate-email-in-selection'});
		expect(plan.entries[1]?.action === 'skip' && plan.entries[1].detail).toContain('Ann One');
	});

	it('applies the duplicate rule to users who map to an existing person too', () => {
		const plan = planImport(
			[salesforceUser({email: 'jane.doe@acme.com'}), salesforceUser({email: 'Jane.Doe@acme.com'})],
			contextWith([jane]),
		);
		expect(plan.entries.map((entry) => entry.action)).toEqual(['map', 'skip']);
	});

	it.each([
		[{email: null}, 'no-email'],
		[{email: '   '}, 'no-email'],
		[{email: 'not-an-address'}, 'invalid-email'],
		[{isActive: false}, 'inactive'],
		[{userType: 'AutomatedProcess'}, 'not-standard-user'],
		[{userType: 'CsnOnly'}, 'not-standard-user'],
	] as const)('skips %j with reason %s', (overrides, reason) => {
		const [entry] = planImport([salesforceUser(overrides)], contextWith([])).entries;
		expect(entry).toMatchObject({action: 'skip', reason});
		expect(entry?.action === 'skip' && entry.detail.length).toBeGreaterThan(5);
	});

	it('is idempotent: planning against the outcome of a plan creates nothing new', () => {
		const users = [salesforceUser(), salesforceUser({email: 'jane.doe@acme.com'})];
		const first = planImport(users, contextWith([jane]));
		const created: KnownPerson = {id: 8, name: 'x', email: users[0]!.email!};
		const after = contextWith([jane, created], [[users[0]!.id, 8], [users[1]!.id, 7]]);
		const second = planImport(users, after);
		expect(first.counts).toMatchObject({create: 1, map: 1});
		expect(second.counts).toMatchObject({create: 0, map: 0, alreadyImported: 2});
	});

	it('keeps control characters out of the reasons it shows', () => {
		const [entry] = planImport([salesforceUser({userType: 'Csn\u001B[2JOnly'})], contextWith([])).entries;
		expect(entry?.action === 'skip' && entry.detail).not.toContain('\u001B');
	});

	it('counts skips by reason', () => {
		const plan = planImport(
			[salesforceUser({isActive: false}), salesforceUser({isActive: false}), salesforceUser({email: null})],
			contextWith([]),
		);
		expect(plan.counts.skipByReason).toEqual({inactive: 2, 'no-email': 1});
	});
});

describe('classifyUser', () => {
	it('previews one user without the selection-wide rules', () => {
		const user = salesforceUser({email: 'jane.doe@acme.com'});
		expect(classifyUser(user, contextWith([jane]))).toMatchObject({action: 'map'});
	});
});
