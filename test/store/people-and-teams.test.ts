import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/database.js';
import {grantAdmin} from '../../source/store/admin-grant.js';
import {DirectoryError} from '../../source/store/directory-error.js';
import {listAdmins, operatorRights} from '../../source/store/operator-rights.js';
import {listPeople} from '../../source/store/people-query.js';
import {addPerson, setPersonActive, setPersonRole, unlinkPerson, updatePerson} from '../../source/store/person-edits.js';
import {personHistory} from '../../source/store/person-history-query.js';
import {runImport} from '../support/app-ports.js';
import {assignTeam} from '../../source/store/team-assignment.js';
import {createTeam, deleteTeam, renameTeam} from '../../source/store/team-edits.js';
import {applyTeamPlacement} from '../../source/store/team-placement-query.js';
import {listTeams} from '../../source/store/teams-query.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {tempStoresPerTest} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

const person = (store: Store, id: number) => listPeople(store).find((each) => each.id === id)!;

describe('teams in the store', () => {
	it('creates, renames and deletes teams, with names unique without case', () => {
		const store = tempStore();
		const sales = createTeam(store, '  Sales   EMEA ');
		expect(sales).toMatchObject({name: 'Sales EMEA', members: 0});
		expect(() => createTeam(store, 'sales emea')).toThrow(/There is a team "Sales EMEA" already; team names are compared without case/);
		expect(() => createTeam(store, '   ')).toThrow(DirectoryError);

		const support = createTeam(store, 'Support');
		expect(() => renameTeam(store, support.id, 'SALES EMEA')).toThrow(/already/);
		renameTeam(store, sales.id, 'Sales Europe');
		// Renaming to itself in another case is allowed: it is the same team.
		renameTeam(store, sales.id, 'SALES Europe');
		expect(listTeams(store).map((team) => team.name)).toEqual(['SALES Europe', 'Support']);

		const jane = addPerson(store, {name: 'Jane', email: 'jane@acme.com'});
		const joe = addPerson(store, {name: 'Joe', email: 'joe@acme.com'});
		expect(assignTeam(store, [jane, joe], sales.id)).toBe(2);
		expect(listTeams(store).find((team) => team.id === sales.id)?.members).toBe(2);
		expect(person(store, jane).teamName).toBe('SALES Europe');

		expect(deleteTeam(store, sales.id)).toBe(2);
		expect(listTeams(store).map((team) => team.name)).toEqual(['Support']);
		expect(listPeople(store).map((each) => each.teamId)).toEqual([null, null]);
		expect(() => assignTeam(store, [jane], sales.id)).toThrow(/no longer exists/);
	});
});

describe('people in the store', () => {
	it('adds, edits, deactivates and reactivates a person, refusing a duplicate email without case', () => {
		const store = tempStore();
		const id = addPerson(store, {name: ' Jane Doe ', email: ' Jane.Doe@Acme.com ', title: 'AE'});
		expect(person(store, id)).toMatchObject({name: 'Jane Doe', email: 'Jane.Doe@Acme.com', title: 'AE', role: 'member', active: true, origin: 'manual', teamId: null});
		expect(() => addPerson(store, {name: 'Other', email: 'JANE.DOE@acme.COM'})).toThrow(/Jane Doe has that email already \(Jane\.Doe@Acme\.com\); emails are compared without case/);
		expect(() => addPerson(store, {name: 'Other', email: 'not-an-address'})).toThrow(/is not an email address/);
		expect(() => addPerson(store, {name: '', email: 'x@acme.com'})).toThrow(/needs a name/);

		const other = addPerson(store, {name: 'Other', email: 'other@acme.com'});
		expect(() => updatePerson(store, other, {name: 'Other', email: 'jane.doe@acme.com'})).toThrow(/has that email already/);
		updatePerson(store, id, {name: 'Jane Smith', email: 'jane.smith@acme.com', title: ''});
		expect(person(store, id)).toMatchObject({name: 'Jane Smith', email: 'jane.smith@acme.com', title: null});

		setPersonActive(store, id, false);
		expect(person(store, id).active).toBe(false);
		setPersonActive(store, id, true);
		expect(person(store, id).active).toBe(true);
	});

	it('unlinks a person from Salesforce, keeps them, and shows their import history', async () => {
		const store = tempStore();
		const user = salesforceUser({firstName: 'Sam', lastName: 'Seller', email: 'sam@acme.com'});
		const run = await runImport(store, [user], {operator: 'alice'});
		const [sam] = listPeople(store);
		expect(sam).toMatchObject({name: 'Sam Seller', origin: 'salesforce', salesforceUserId: user.id, salesforceName: 'Sam Seller'});
		expect(personHistory(store, sam!.id)).toEqual([
			expect.objectContaining({runId: run.runId, operator: 'alice', mode: 'manual', outcome: 'created', salesforceUserId: user.id}),
		]);

		expect(unlinkPerson(store, sam!.id)).toBe(true);
		expect(unlinkPerson(store, sam!.id)).toBe(false);
		expect(person(store, sam!.id)).toMatchObject({name: 'Sam Seller', salesforceUserId: null, salesforceName: null});
		// The history stays with the person.
		expect(personHistory(store, sam!.id)).toHaveLength(1);
	});
});

describe('who is an admin', () => {
	it('treats everyone as admin until the first admin exists, then only admins', () => {
		const store = tempStore();
		expect(operatorRights(store, 'bob')).toMatchObject({isAdmin: true, bootstrap: true});
		const alice = grantAdmin(store, {login: 'alice', name: 'Alice Admin', email: 'alice@acme.com'});
		expect(alice).toMatchObject({created: true, login: 'alice'});
		expect(operatorRights(store, 'alice')).toMatchObject({isAdmin: true, bootstrap: false, person: {id: alice.id}});
		expect(operatorRights(store, 'bob')).toMatchObject({isAdmin: false, bootstrap: false});
		expect(operatorRights(store, 'bob').reason).toMatch(/Ask Alice Admin \(alice\)/);
	});

	it('makes an existing person an admin by email, and refuses a login taken by someone else', () => {
		const store = tempStore();
		const jane = addPerson(store, {name: 'Jane', email: 'jane@acme.com'});
		expect(grantAdmin(store, {login: 'jane', email: 'JANE@acme.com'})).toMatchObject({id: jane, created: false});
		expect(person(store, jane)).toMatchObject({role: 'admin', osLogin: 'jane'});
		expect(() => grantAdmin(store, {login: 'newbie'})).toThrow(/give their name and email/);
		const joe = addPerson(store, {name: 'Joe', email: 'joe@acme.com'});
		expect(() => setPersonRole(store, joe, 'admin', 'jane')).toThrow(/Jane has the OS login "jane" already/);
		expect(() => setPersonRole(store, joe, 'admin')).toThrow(/needs the OS login/);
		setPersonRole(store, joe, 'admin', 'joe');
		expect(listAdmins(store).map((admin) => admin.login)).toEqual(['jane', 'joe']);
	});

	it('never lets the last admin go: not made a member, not deactivated', () => {
		const store = tempStore();
		const alice = grantAdmin(store, {login: 'alice', name: 'Alice', email: 'alice@acme.com'});
		expect(() => setPersonRole(store, alice.id, 'member', undefined, alice.id)).toThrow(/You are the last admin/);
		expect(() => setPersonActive(store, alice.id, false, alice.id)).toThrow(/You are the last admin/);
		const bob = grantAdmin(store, {login: 'bob', name: 'Bob', email: 'bob@acme.com'});
		setPersonRole(store, alice.id, 'member', undefined, alice.id);
		expect(() => setPersonRole(store, bob.id, 'member', undefined, alice.id)).toThrow(/Bob is the last admin/);
		expect(listAdmins(store).map((admin) => admin.login)).toEqual(['bob']);
	});
});

describe('placing imported people on teams from Salesforce', () => {
	it('puts created and mapped people on the team named by their role, creating it, and keeps a team someone has', async () => {
		const store = tempStore();
		const existing = addPerson(store, {name: 'Mapped Mary', email: 'mary@acme.com'});
		const placed = createTeam(store, 'Placed already');
		const kept = addPerson(store, {name: 'Kept Kim', email: 'kim@acme.com'});
		assignTeam(store, [kept], placed.id);
		createTeam(store, 'emea rep');

		const users = [
			salesforceUser({email: 'new@acme.com', roleName: 'EMEA Rep'}),
			salesforceUser({email: 'MARY@acme.com', roleName: 'EMEA Rep'}),
			salesforceUser({email: 'kim@acme.com', roleName: 'Manager'}),
			salesforceUser({email: 'other@acme.com', roleName: 'Manager'}),
			salesforceUser({email: 'norole@acme.com', roleName: null}),
		];
		const run = await runImport(store, users, {operator: 'alice'});
		expect(applyTeamPlacement(store, run.runId, users, 'role')).toEqual({placed: 3, newTeams: ['Manager']});
		const byEmail = new Map(listPeople(store).map((each) => [each.email.toLowerCase(), each.teamName]));
		expect(byEmail.get('new@acme.com')).toBe('emea rep');
		expect(person(store, existing).teamName).toBe('emea rep');
		expect(byEmail.get('kim@acme.com')).toBe('Placed already');
		expect(byEmail.get('other@acme.com')).toBe('Manager');
		expect(byEmail.get('norole@acme.com')).toBeNull();
		expect(applyTeamPlacement(store, run.runId, users, 'off')).toEqual({placed: 0, newTeams: []});
	});
});
