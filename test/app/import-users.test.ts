import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/database.js';
import {loadImportContext} from '../../source/store/import-context-query.js';
import {AppError} from '../../source/app/app-error.js';
import {runImport} from '../support/app-ports.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {tempStoresPerTest, rowCount} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

function addPerson(store: Store, name: string, email: string): number {
	return Number(
		store.sqlite
			.prepare("insert into people (name, email, email_normalised, origin) values (?, ?, ?, 'manual')")
			.run(name, email, email.trim().toLowerCase()).lastInsertRowid,
	);
}

const manual = {operator: 'alice'} as const;

describe('runImport into a real SQLite file', () => {
	it('creates new people, maps existing ones by email without case, and records the run', async () => {
		const store = tempStore();
		const existing = addPerson(store, 'Jane Existing', 'Jane.Doe@Acme.com');
		const jane = salesforceUser({firstName: 'Jane', lastName: 'Salesforce', email: 'JANE.DOE@acme.COM'});
		const bob = salesforceUser({firstName: 'Bob', lastName: 'New', email: 'bob@acme.com', title: 'AE'});

		const result = await runImport(store, [jane, bob], manual);

		expect(result.plan.counts).toMatchObject({create: 1, map: 1});
		const people = store.sqlite.prepare('select id, name, email, title, origin from people order by id').all();
		expect(people).toEqual([
			{id: existing, name: 'Jane Existing', email: 'Jane.Doe@Acme.com', title: null, origin: 'manual'},
			{id: expect.any(Number), name: 'Bob New', email: 'bob@acme.com', title: 'AE', origin: 'salesforce'},
		]);
		const links = store.sqlite.prepare('select salesforce_user_id as sf, person_id as person, matched_by as how, run_id as run from salesforce_links order by how').all();
		expect(links).toEqual([
			{sf: bob.id, person: expect.any(Number), how: 'created', run: result.runId},
			{sf: jane.id, person: existing, how: 'email', run: result.runId},
		]);
		const run = store.sqlite.prepare('select operator, mode, status, selected_count, created_count, mapped_count, skipped_count from import_runs').get();
		expect(run).toEqual({operator: 'alice', mode: 'manual', status: 'completed', selected_count: 2, created_count: 1, mapped_count: 1, skipped_count: 0});
		const outcomes = store.sqlite.prepare('select salesforce_user_id as sf, outcome from import_outcomes where run_id = ? order by id').all(result.runId);
		expect(outcomes).toEqual([
			{sf: jane.id, outcome: 'mapped'},
			{sf: bob.id, outcome: 'created'},
		]);
	});

	it('is idempotent: the same import twice creates nothing new and records both runs', async () => {
		const store = tempStore();
		const users = [salesforceUser(), salesforceUser(), salesforceUser({isActive: false})];
		await runImport(store, users, manual);
		const second = await runImport(store, users, manual);
		expect(rowCount(store, 'people')).toBe(2);
		expect(rowCount(store, 'salesforce_links')).toBe(2);
		expect(second.plan.counts).toMatchObject({create: 0, map: 0, alreadyImported: 2, skip: 1});
		expect(rowCount(store, 'import_runs')).toBe(2);
	});

	it('never puts two Salesforce users with one email on one person, in one run or across runs', async () => {
		const store = tempStore();
		const first = salesforceUser({email: 'shared@acme.com'});
		const second = salesforceUser({email: 'Shared@Acme.com'});
		const together = await runImport(store, [first, second], manual);
		expect(together.plan.entries.map((entry) => entry.action)).toEqual(['create', 'skip']);

		const later = salesforceUser({email: 'SHARED@acme.com'});
		const apart = await runImport(store, [later], manual);
		expect(apart.plan.entries[0]).toMatchObject({action: 'skip', reason: 'person-linked-to-other-user'});
		expect(rowCount(store, 'people')).toBe(1);
		expect(rowCount(store, 'salesforce_links')).toBe(1);
	});

	it('reports progress chunk by chunk inside one transaction', async () => {
		const store = tempStore();
		const users = Array.from({length: 25}, () => salesforceUser());
		const seen: number[] = [];
		await runImport(store, users, {...manual, chunkSize: 10, onProgress: (progress) => seen.push(progress.done)});
		expect(seen).toEqual([10, 20, 25]);
		expect(rowCount(store, 'people')).toBe(25);
	});

	it('leaves the store exactly as it was when the database fails part-way, and records the failed run', async () => {
		const store = tempStore();
		addPerson(store, 'Kept', 'kept@acme.com');
		const users = Array.from({length: 12}, () => salesforceUser());
		// A real failure from SQLite itself, on the tenth person, after earlier chunks were written.
		store.sqlite.exec(
			`create temp trigger fail_tenth before insert on people when new.email_normalised = '${users[9]!.email!.toLowerCase()}' begin select raise(abort, 'disk says no'); end`,
		);

		await expect(runImport(store, users, {...manual, chunkSize: 3})).rejects.toThrow(AppError);
		await expect(runImport(store, users, {...manual, chunkSize: 3})).rejects.toThrow(/nothing of it was written: disk says no/);

		expect(rowCount(store, 'people')).toBe(1);
		expect(rowCount(store, 'salesforce_links')).toBe(0);
		expect(rowCount(store, 'import_outcomes')).toBe(0);
		const runs = store.sqlite.prepare('select status, error from import_runs').all();
		expect(runs).toEqual([
			{status: 'failed', error: 'disk says no'},
			{status: 'failed', error: 'disk says no'},
		]);
		expect(loadImportContext(store).personByEmail.size).toBe(1);
	});

	it('in a sandbox, creates the person with the email Salesforce had before it appended ".invalid"', async () => {
		const store = tempStore();
		const user = salesforceUser({email: 'New.Person@Acme.com.invalid'});
		const {runId} = await runImport(store, [user], {...manual, rules: {orgIsSandbox: true}});
		expect(store.sqlite.prepare('select email, email_normalised as normalised from people').get()).toEqual({email: 'New.Person@Acme.com', normalised: 'new.person@acme.com'});
		expect(store.sqlite.prepare('select detail from import_outcomes where run_id = ?').get(runId)).toEqual({detail: expect.stringContaining('.invalid')});
	});

	it('maps by FederationIdentifier when the setting is on', async () => {
		const store = tempStore();
		const person = addPerson(store, 'Single Sign', 'sso@corp.example');
		store.sqlite.prepare("update people set federation_id = 'E77' where id = ?").run(person);
		const user = salesforceUser({email: 'different@acme.com', federationIdentifier: 'E77'});
		const off = await runImport(store, [salesforceUser({email: 'other@acme.com', federationIdentifier: 'E77'})], {...manual, rules: {matchFederationId: false}});
		expect(off.plan.counts.create).toBe(1);
		const on = await runImport(store, [user], {...manual, rules: {matchFederationId: true}});
		expect(on.plan.entries[0]).toMatchObject({action: 'map', matchedBy: 'federation-id', person: {id: person}});
		expect(store.sqlite.prepare('select matched_by as how from salesforce_links where salesforce_user_id = ?').get(user.id)).toEqual({how: 'federation-id'});
	});

	it('refuses a second person with the same federation id, in the schema itself', () => {
		const store = tempStore();
		const update = store.sqlite.prepare("update people set federation_id = 'E1' where id = ?");
		update.run(addPerson(store, 'A', 'a@acme.com'));
		expect(() => update.run(addPerson(store, 'B', 'b@acme.com'))).toThrow(/UNIQUE constraint failed: people.federation_id/);
	});

	it('overwrites only the fields fillOnMap names, and keeps what they were for undo', async () => {
		const store = tempStore();
		const untouched = addPerson(store, 'Kept Name', 'kept@acme.com');
		const filled = addPerson(store, 'Old Name', 'filled@acme.com');
		await runImport(store, [salesforceUser({firstName: 'New', lastName: 'Kept', title: 'AE', email: 'kept@acme.com'})], manual);
		const {runId} = await runImport(store, [salesforceUser({firstName: 'New', lastName: 'Name', title: 'VP', email: 'filled@acme.com'})], {...manual, rules: {fillOnMap: 'name-title'}});
		const person = (id: number) => store.sqlite.prepare('select name, title from people where id = ?').get(id);
		expect(person(untouched)).toEqual({name: 'Kept Name', title: null});
		expect(person(filled)).toEqual({name: 'New Name', title: 'VP'});
		expect(store.sqlite.prepare('select previous_values as previous from import_outcomes where run_id = ?').get(runId)).toEqual({previous: JSON.stringify({name: 'Old Name', title: null})});
	});

	it('remembers the Salesforce name of each link, so a later conflict names both users', async () => {
		const store = tempStore();
		const first = salesforceUser({firstName: 'Ann', lastName: 'First', email: 'shared@acme.com'});
		await runImport(store, [first], manual);
		expect(store.sqlite.prepare('select salesforce_name as name from salesforce_links').get()).toEqual({name: 'Ann First'});
		const second = salesforceUser({firstName: 'Bob', lastName: 'Second', email: 'SHARED@acme.com'});
		const {plan} = await runImport(store, [second], manual);
		const entry = plan.entries[0]!;
		expect(entry.action === 'skip' && entry.detail).toMatch(new RegExp(`Ann First \\(${first.id}\\).*Bob Second \\(${second.id}\\)`));
	});

	it('never deactivates anyone, even for a linked user who left Salesforce', async () => {
		const store = tempStore();
		const user = salesforceUser();
		await runImport(store, [user], manual);
		await runImport(store, [{...user, isActive: false}], manual);
		expect(store.sqlite.prepare('select active from people').get()).toEqual({active: 1});
	});
});
