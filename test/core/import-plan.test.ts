import {describe, expect, it} from 'vitest';
import {emptyImportContext, type ImportContext, type KnownPerson} from '../../source/core/import-context.js';
import {classifyUser, planImport, skipReasonLabels, skipReasonShortLabels, type SkipReason} from '../../source/core/import-plan.js';
import {describeEntry} from '../../source/core/plan-entry-detail.js';
import {salesforceUser} from '../support/salesforce-users.js';

function contextWith(people: KnownPerson[], links: Array<[salesforceId: string, personId: number]> = [], more: Partial<ImportContext> = {}): ImportContext {
	const manual = more.manualPersonIdBySalesforceId ?? new Map<string, number>();
	return {
		...emptyImportContext(),
		manualSalesforceIdByPersonId: new Map([...manual].map(([salesforceId, personId]) => [personId, salesforceId])),
		personByEmail: new Map(people.map((person) => [person.email, person])),
		personById: new Map(people.map((person) => [person.id, person])),
		personIdBySalesforceId: new Map(links),
		salesforceIdByPersonId: new Map(links.map(([salesforceId, personId]) => [personId, salesforceId])),
		...more,
	};
}

const jane: KnownPerson = {id: 7, name: 'Jane Doe', email: 'jane.doe@acme.com', displayEmail: 'Jane.Doe@Acme.com'};

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
		const created: KnownPerson = {id: 8, name: 'x', email: users[0]!.email!, displayEmail: users[0]!.email!};
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

describe('mapping rules', () => {
	const sandbox = (more: Partial<ImportContext> = {}) => ({...emptyImportContext({orgIsSandbox: true}), ...more});

	it('in a sandbox, removes the ".invalid" Salesforce appended before matching, and says so', () => {
		const user = salesforceUser({email: 'Jane.Doe@Acme.com.INVALID'});
		const context = {...contextWith([jane]), rules: {...emptyImportContext().rules, orgIsSandbox: true}};
		expect(classifyUser(user, context)).toMatchObject({action: 'map', person: {id: 7}, email: 'jane.doe@acme.com', emailAdjusted: 'sandbox-suffix-removed'});
		expect(planImport([salesforceUser({email: 'new@acme.com.invalid'})], sandbox()).entries[0]).toMatchObject({
			action: 'create',
			email: 'new@acme.com',
			emailAdjusted: 'sandbox-suffix-removed',
		});
	});

	it('leaves ".invalid" alone in production, and a sandbox email without it unadjusted', () => {
		const entry = classifyUser(salesforceUser({email: 'jane.doe@acme.com.invalid'}), contextWith([jane]));
		expect(entry).toMatchObject({action: 'create', email: 'jane.doe@acme.com.invalid'});
		expect(entry).not.toHaveProperty('emailAdjusted');
		expect(classifyUser(salesforceUser({email: 'ann@acme.com'}), sandbox())).not.toHaveProperty('emailAdjusted');
	});

	it('names both users when two selected users share an email', () => {
		const first = salesforceUser({firstName: 'Ann', lastName: 'One', email: 'shared@acme.com'});
		const second = salesforceUser({firstName: 'Bob', lastName: 'Two', email: 'shared@acme.com'});
		const entry = planImport([first, second], contextWith([])).entries[1];
		expect(entry).toMatchObject({action: 'skip', reason: 'duplicate-email-in-selection'});
		const detail = entry?.action === 'skip' ? entry.detail : '';
		expect(detail).toContain(`Ann One (${first.id})`);
		expect(detail).toContain(`Bob Two (${second.id})`);
	});

	it('names both users when the email belongs to a person an earlier run linked to another Salesforce user', () => {
		const user = salesforceUser({firstName: 'Bob', lastName: 'Second', email: 'jane.doe@acme.com'});
		const context = contextWith([jane], [['005OTHER000000000A', 7]], {salesforceNameBySalesforceId: new Map([['005OTHER000000000A', 'Jane First']])});
		const entry = classifyUser(user, context);
		expect(entry).toMatchObject({action: 'skip', reason: 'person-linked-to-other-user'});
		const detail = entry.action === 'skip' ? entry.detail : '';
		expect(detail).toContain('Jane First (005OTHER000000000A)');
		expect(detail).toContain(`Bob Second (${user.id})`);
	});

	it('keeps a linked user with their person even when a manual choice or another email points elsewhere', () => {
		const user = salesforceUser({email: 'jane.doe@acme.com'});
		const other: KnownPerson = {id: 9, name: 'Other', email: 'other@acme.com', displayEmail: 'other@acme.com'};
		const context = contextWith([jane, other], [[user.id, 9]], {manualPersonIdBySalesforceId: new Map([[user.id, 7]])});
		expect(classifyUser(user, context)).toEqual({action: 'already-imported', user, personId: 9});
	});

	describe('FederationIdentifier', () => {
		const federated: KnownPerson = {id: 11, name: 'Fed Person', email: 'fed.person@corp.example', displayEmail: 'fed.person@corp.example'};
		const context = (matchFederationId: boolean, links: Array<[string, number]> = []) =>
			contextWith([jane, federated], links, {
				personByFederationId: new Map([['E1234', federated]]),
				rules: {...emptyImportContext().rules, matchFederationId},
			});

		it('maps by FederationIdentifier when switched on and the email finds nobody', () => {
			const user = salesforceUser({email: 'f.person@acme.com', federationIdentifier: ' E1234 '});
			expect(classifyUser(user, context(true))).toMatchObject({action: 'map', person: {id: 11}, matchedBy: 'federation-id'});
		});

		it('is off by default, and never overrides an email match', () => {
			const user = salesforceUser({email: 'f.person@acme.com', federationIdentifier: 'E1234'});
			expect(classifyUser(user, context(false))).toMatchObject({action: 'create'});
			const byEmail = salesforceUser({email: 'jane.doe@acme.com', federationIdentifier: 'E1234'});
			expect(classifyUser(byEmail, context(true))).toMatchObject({action: 'map', person: {id: 7}, matchedBy: 'email'});
		});

		it('does not re-link a person with that federation id linked to another user', () => {
			const user = salesforceUser({email: 'f.person@acme.com', federationIdentifier: 'E1234'});
			expect(classifyUser(user, context(true, [['005OTHER000000000B', 11]]))).toMatchObject({action: 'skip', reason: 'person-linked-to-other-user'});
		});
	});

	describe('manual choices', () => {
		it('skips an ignored user with the reason "ignored"', () => {
			const user = salesforceUser({email: 'jane.doe@acme.com'});
			expect(classifyUser(user, contextWith([jane], [], {ignoredSalesforceIds: new Set([user.id])}))).toMatchObject({action: 'skip', reason: 'ignored'});
		});

		it('maps to the chosen person over the email, even without an email, marked manual', () => {
			const chosen: KnownPerson = {id: 12, name: 'Chosen', email: 'chosen@acme.com', displayEmail: 'chosen@acme.com'};
			const user = salesforceUser({email: 'jane.doe@acme.com'});
			const noEmail = salesforceUser({email: null});
			const context = contextWith([jane, chosen], [], {manualPersonIdBySalesforceId: new Map([[user.id, 12]])});
			expect(classifyUser(user, context)).toMatchObject({action: 'map', person: {id: 12}, matchedBy: 'manual', manual: true});
			const withoutEmail = contextWith([chosen], [], {manualPersonIdBySalesforceId: new Map([[noEmail.id, 12]])});
			expect(classifyUser(noEmail, withoutEmail)).toMatchObject({action: 'map', person: {id: 12}, manual: true, email: ''});
		});

		it('refuses a chosen person linked to another user, and one person chosen twice in a selection', () => {
			const first = salesforceUser({email: 'a@acme.com'});
			const second = salesforceUser({email: 'b@acme.com'});
			const choices = new Map([
				[first.id, 7],
				[second.id, 7],
			]);
			const plan = planImport([first, second], contextWith([jane], [], {manualPersonIdBySalesforceId: choices}));
			expect(plan.entries.map((entry) => entry.action)).toEqual(['map', 'skip']);
			expect(plan.entries[1]).toMatchObject({reason: 'person-taken-in-selection', conflict: {person: {id: 7}, otherUser: {id: first.id}}});
			const linked = contextWith([jane], [['005OTHER000000000C', 7]], {manualPersonIdBySalesforceId: choices});
			expect(classifyUser(first, linked)).toMatchObject({action: 'skip', reason: 'person-linked-to-other-user'});
		});
	});

	describe('a manual choice beside an email match of the same person', () => {
		// Collin was mapped by hand to Nedra's person; Nedra's own Salesforce user matches that person by email.
		const nedra: KnownPerson = {id: 20, name: 'Nedra Bernhard', email: 'nbernhard@baumbach.example.com', displayEmail: 'Nbernhard@baumbach.example.com'};
		const collin = salesforceUser({firstName: 'Collin', lastName: 'Abshire', email: 'Collin.Abshire@Baumbach.example.com'});
		const nedraUser = salesforceUser({firstName: 'Nedra', lastName: 'Bernhard', email: 'nbernhard@baumbach.example.com'});
		const context = contextWith([nedra], [], {manualPersonIdBySalesforceId: new Map([[collin.id, 20]])});

		it.each([
			['the manual one first', [collin, nedraUser]],
			['the email one first', [nedraUser, collin]],
		] as const)('maps the manual choice and skips the email match naming both, %s', (_order, users) => {
			const plan = planImport(users, context);
			const byId = new Map(plan.entries.map((entry) => [entry.user.id, entry]));
			expect(byId.get(collin.id)).toMatchObject({action: 'map', matchedBy: 'manual', person: {name: 'Nedra Bernhard', displayEmail: 'Nbernhard@baumbach.example.com'}});
			const skipped = byId.get(nedraUser.id);
			expect(skipped).toMatchObject({
				action: 'skip',
				reason: 'person-chosen-for-other-user',
				conflict: {person: {id: 20}, otherUser: {id: collin.id, name: 'Collin Abshire'}},
			});
			const detail = skipped?.action === 'skip' ? skipped.detail : '';
			expect(detail).toMatch(/Nedra Bernhard <Nbernhard@baumbach\.example\.com>, who is chosen by hand for Collin Abshire \(005\w+\); Nedra Bernhard \(005\w+\) is not merged/);
			expect(plan.counts).toMatchObject({map: 1, skip: 1, mapBy: {manual: 1, email: 0}, skipByReason: {'person-chosen-for-other-user': 1}});
		});

		it('keeps the person for the manual choice when only the email match is checked', () => {
			expect(classifyUser(nedraUser, context)).toMatchObject({action: 'skip', reason: 'person-chosen-for-other-user', conflict: {otherUser: {id: collin.id}}});
			const named = classifyUser(nedraUser, context, (id) => (id === collin.id ? 'Collin Abshire' : undefined));
			expect(named.action === 'skip' && named.detail).toContain(`Collin Abshire (${collin.id})`);
		});

		it('reports the mapping as by hand, with the person\'s own email rather than the user\'s', () => {
			const [entry] = planImport([collin], context).entries;
			expect(entry && describeEntry(entry)).toBe('mapped by hand to Nedra Bernhard <Nbernhard@baumbach.example.com>');
		});
	});

	describe('fields filled on mapping', () => {
		const user = salesforceUser({firstName: 'Janet', lastName: 'Doe', title: 'VP Sales', email: 'jane.doe@acme.com'});
		const withFill = (fillOnMap: 'none' | 'name' | 'title' | 'name-title') => contextWith([jane], [], {rules: {...emptyImportContext().rules, fillOnMap}});

		it.each([
			['none', undefined],
			['name', {name: 'Janet Doe'}],
			['title', {title: 'VP Sales'}],
			['name-title', {name: 'Janet Doe', title: 'VP Sales'}],
		] as const)('with fillOnMap %s fills %j', (fillOnMap, fill) => {
			const entry = classifyUser(user, withFill(fillOnMap));
			expect(entry.action === 'map' ? entry.fill : 'not mapped').toEqual(fill);
		});

		it('never fills a person it creates or leaves alone', () => {
			expect(classifyUser(salesforceUser(), withFill('name-title'))).not.toHaveProperty('fill');
		});
	});

	it('gives every skip reason a label a person understands', () => {
		const reasons = Object.keys(skipReasonLabels) as SkipReason[];
		expect(reasons.sort()).toEqual(
			['duplicate-email-in-selection', 'ignored', 'inactive', 'invalid-email', 'no-email', 'not-standard-user', 'person-linked-to-other-user', 'person-chosen-for-other-user', 'person-taken-in-selection'].sort(),
		);
		for (const reason of reasons) {
			// Words, not codes: at least two words, no hyphenated identifier.
			expect(skipReasonLabels[reason].split(' ').length).toBeGreaterThan(1);
			expect(skipReasonLabels[reason]).not.toContain(reason.includes('-') ? reason : `${reason}.`);
			expect(skipReasonShortLabels[reason].length).toBeGreaterThan(0);
		}
	});
});
