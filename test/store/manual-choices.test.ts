import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/database.js';
import {listRunOutcomes} from '../../source/store/import-history-query.js';
import {
	chooseManualMapping,
	clearManualChoice,
	ignoreSalesforceUser,
	listManualChoices,
	ManualChoiceError,
	searchPeople,
} from '../../source/store/manual-choices.js';
import {runImport} from '../support/app-ports.js';
import {readSyncMemory} from '../../source/store/sync-state.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {tempStoresPerTest} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

function addPerson(store: Store, name: string, email: string): number {
	return Number(
		store.sqlite.prepare("insert into people (name, email, email_normalised, origin) values (?, ?, ?, 'manual')").run(name, email, email.toLowerCase()).lastInsertRowid,
	);
}

const manual = {operator: 'alice'} as const;

describe('manual choices', () => {
	it('maps a user to the chosen person on the next import, recorded as manual in the audit trail', async () => {
		const store = tempStore();
		const chosen = addPerson(store, 'Jo Private', 'jo@home.example');
		const user = salesforceUser({email: 'jo.work@acme.com'});
		chooseManualMapping(store, user.id, chosen, 'alice');
		expect(listManualChoices(store)).toEqual([{salesforceUserId: user.id, kind: 'map', personId: chosen, chosenBy: 'alice', chosenAt: expect.any(String)}]);

		const {runId, plan} = await runImport(store, [user], manual);
		expect(plan.entries[0]).toMatchObject({action: 'map', manual: true, person: {id: chosen}});
		expect(listRunOutcomes(store, runId)).toMatchObject([{outcome: 'mapped', manual: true, personId: chosen, detail: expect.stringContaining('mapped by hand to')}]);
		expect(store.sqlite.prepare('select matched_by as how from salesforce_links').get()).toEqual({how: 'manual'});
	});

	it('never offers an ignored user again until the choice is cleared', async () => {
		const store = tempStore();
		const user = salesforceUser();
		ignoreSalesforceUser(store, user.id, 'alice');
		expect((await runImport(store, [user], manual)).plan.entries[0]).toMatchObject({action: 'skip', reason: 'ignored'});
		clearManualChoice(store, user.id);
		expect(listManualChoices(store)).toEqual([]);
		expect((await runImport(store, [user], manual)).plan.entries[0]).toMatchObject({action: 'create'});
	});

	it('asks the next automatic sync to read every user, since the user concerned may never change in Salesforce', () => {
		const store = tempStore();
		ignoreSalesforceUser(store, salesforceUser().id, 'alice');
		expect(readSyncMemory(store).fullSyncRequested).toBe(true);
	});

	it('refuses a person who does not exist, one linked or chosen for another user, and a linked user', async () => {
		const store = tempStore();
		const taken = salesforceUser({firstName: 'Tom', lastName: 'Taken', email: 'tom@acme.com'});
		await runImport(store, [taken], manual);
		const tom = (store.sqlite.prepare('select person_id as id from salesforce_links').get() as {id: number}).id;
		const free = addPerson(store, 'Free', 'free@acme.com');
		const other = salesforceUser();
		const third = salesforceUser();

		expect(() => chooseManualMapping(store, other.id, 9999, 'alice')).toThrow(ManualChoiceError);
		expect(() => chooseManualMapping(store, other.id, tom, 'alice')).toThrow(/already linked to Salesforce user Tom Taken/);
		expect(() => chooseManualMapping(store, taken.id, free, 'alice')).toThrow(/stays so/);
		chooseManualMapping(store, other.id, free, 'alice');
		expect(() => chooseManualMapping(store, third.id, free, 'alice')).toThrow(/already chosen for Salesforce user/);
		expect(() => chooseManualMapping(store, 'not-an-id', free, 'alice')).toThrow(/not a Salesforce user id/);
		expect(listManualChoices(store)).toHaveLength(1);
	});

	it('a deleted person takes their mapping with them', () => {
		const store = tempStore();
		const person = addPerson(store, 'Gone', 'gone@acme.com');
		chooseManualMapping(store, salesforceUser().id, person, 'alice');
		store.sqlite.prepare('delete from people where id = ?').run(person);
		expect(listManualChoices(store)).toEqual([]);
	});
});

describe('searchPeople', () => {
	it('finds people by a part of their name or email without regard to case, by name, with their link', async () => {
		const store = tempStore();
		addPerson(store, 'Zoë Åberg', 'zoe@acme.com');
		addPerson(store, 'Adam Berg', 'adam.berg@acme.com');
		addPerson(store, 'Carl Other', 'carl@other.example');
		const linked = salesforceUser({firstName: 'Bergitta', lastName: 'New', email: 'bergitta@acme.com'});
		await runImport(store, [linked], manual);

		expect(searchPeople(store, 'BERG', 10).map((person) => person.name)).toEqual(['Adam Berg', 'Bergitta New', 'Zoë Åberg']);
		expect(searchPeople(store, 'åberg', 10).map((person) => person.name)).toEqual(['Zoë Åberg']);
		expect(searchPeople(store, 'other.EXAMPLE', 10)).toEqual([{id: expect.any(Number), name: 'Carl Other', email: 'carl@other.example', linkedSalesforceUserId: null}]);
		expect(searchPeople(store, 'bergitta', 10)[0]?.linkedSalesforceUserId).toBe(linked.id);
		expect(searchPeople(store, '', 2)).toHaveLength(2);
		expect(searchPeople(store, 'acme', 0)).toEqual([]);
	});
});
