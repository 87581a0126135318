import {expect, it} from 'vitest';
import {grantAdmin, listAdmins, rightsIn, setRole} from '../../source/app/admins.js';
import {history} from '../../source/app/history.js';
import {importUsers} from '../../source/app/import-users.js';
import {manualMappings} from '../../source/app/manual-mappings.js';
import {people} from '../../source/app/people.js';
import {teams} from '../../source/app/teams.js';
import {undoLastRun} from '../../source/app/undo-last-run.js';
import {DirectoryError} from '../../source/core/directory-error.js';
import {NotAdminError} from '../../source/core/admin-policy.js';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {describeOnEveryEngine, type OpenedStore} from '../support/store-engines.js';
import {useCasePorts, type AsOperator} from '../support/use-case-ports.js';

function useCases(opened: OpenedStore, options: AsOperator = {}) {
	const ports = useCasePorts(opened, options);
	return {
		ports,
		people: people(ports),
		teams: teams(ports),
		mappings: manualMappings(ports),
		history: history(ports, {undoLastRun: async () => undoLastRun(ports), releaseHeldSync: async () => ({message: ''})}),
		importUsers: async (users: readonly SalesforceUser[]) => importUsers(ports).run(users),
	};
}

const byId = async (app: ReturnType<typeof useCases>, id: number) => (await app.people.list()).find((each) => each.id === id)!;

describeOnEveryEngine('people', (openStore) => {
	it('adds, edits, deactivates and reactivates a person, refusing a duplicate email without case', async () => {
		const app = useCases(await openStore());
		const id = await app.people.add({name: ' Jane Doe ', email: ' Jane.Doe@Acme.com ', title: 'AE'});
		expect(await byId(app, id)).toMatchObject({name: 'Jane Doe', email: 'Jane.Doe@Acme.com', title: 'AE', role: 'member', active: true, origin: 'manual', teamId: null});
		await expect(app.people.add({name: 'Other', email: 'JANE.DOE@acme.COM'})).rejects.toThrow(/Jane Doe has that email already \(Jane\.Doe@Acme\.com\); emails are compared without case/);
		await expect(app.people.add({name: 'Other', email: 'not-an-address'})).rejects.toThrow(/is not an email address/);
		await expect(app.people.add({name: '', email: 'x@acme.com'})).rejects.toThrow(DirectoryError);

		const other = await app.people.add({name: 'Other', email: 'other@acme.com'});
		await expect(app.people.update(other, {name: 'Other', email: 'jane.doe@acme.com'})).rejects.toThrow(/has that email already/);
		await app.people.update(id, {name: 'Jane Smith', email: 'jane.smith@acme.com', title: ''});
		expect(await byId(app, id)).toMatchObject({name: 'Jane Smith', email: 'jane.smith@acme.com', title: null});
		await expect(app.people.update(9999, {name: 'Nobody', email: 'nobody@acme.com'})).rejects.toThrow(/no longer exists/);

		await app.people.setActive(id, false);
		expect((await byId(app, id)).active).toBe(false);
		await app.people.setActive(id, true);
		expect((await byId(app, id)).active).toBe(true);
		expect((await app.people.list()).map((each) => each.name)).toEqual(['Jane Smith', 'Other']);
	});

	it('unlinks an imported person from Salesforce, keeps them, and keeps their history', async () => {
		const app = useCases(await openStore());
		const user = salesforceUser({firstName: 'Sam', lastName: 'Seller', email: 'sam@acme.com'});
		const run = await app.importUsers([user]);
		const [sam] = await app.people.list();
		expect(sam).toMatchObject({name: 'Sam Seller', origin: 'salesforce', salesforceUserId: user.id, salesforceName: 'Sam Seller'});
		expect(await app.people.history(sam!.id)).toEqual([
			expect.objectContaining({runId: run.runId, operator: 'alice', mode: 'manual', outcome: 'created', salesforceUserId: user.id}),
		]);

		expect(await app.people.unlink(sam!.id)).toBe(true);
		expect(await app.people.unlink(sam!.id)).toBe(false);
		expect(await byId(app, sam!.id)).toMatchObject({name: 'Sam Seller', salesforceUserId: null, salesforceName: null});
		expect(await app.people.history(sam!.id)).toHaveLength(1);
	});

	it('lets only an admin change people, once the store has one', async () => {
		const opened = await openStore();
		const alice = useCases(opened, {operator: 'alice'});
		await alice.people.becomeFirstAdmin({name: 'Alice Admin', email: 'alice@acme.com'});
		const bob = useCases(opened, {operator: 'bob'});
		await expect(bob.people.add({name: 'X', email: 'x@acme.com'})).rejects.toThrow(NotAdminError);
		await expect(bob.people.add({name: 'X', email: 'x@acme.com'})).rejects.toThrow(/Only an admin may add or change people\. No person here has your OS login "bob"\. Ask Alice Admin \(alice\)/);
		await expect(bob.teams.create('Sales')).rejects.toThrow(/Only an admin may change teams/);
		// Even the cron account is no admin outside sync.
		await expect(useCases(opened, {operator: 'cron', cron: true}).people.add({name: 'X', email: 'x@acme.com'})).rejects.toThrow(NotAdminError);
		expect(await bob.people.list()).toHaveLength(1);
	});
});

describeOnEveryEngine('teams', (openStore) => {
	it('creates, renames and deletes teams, with names unique without case', async () => {
		const app = useCases(await openStore());
		const sales = await app.teams.create('  Sales   EMEA ');
		expect(sales).toMatchObject({name: 'Sales EMEA', members: 0});
		await expect(app.teams.create('sales emea')).rejects.toThrow(/There is a team "Sales EMEA" already; team names are compared without case/);
		await expect(app.teams.create('   ')).rejects.toThrow(DirectoryError);

		const support = await app.teams.create('Support');
		await expect(app.teams.rename(support.id, 'SALES EMEA')).rejects.toThrow(/already/);
		await app.teams.rename(sales.id, 'Sales Europe');
		// Renaming to itself in another case is allowed: it is the same team.
		await app.teams.rename(sales.id, 'SALES Europe');
		expect((await app.teams.list()).map((team) => team.name)).toEqual(['SALES Europe', 'Support']);

		const jane = await app.people.add({name: 'Jane', email: 'jane@acme.com'});
		const joe = await app.people.add({name: 'Joe', email: 'joe@acme.com'});
		expect(await app.people.assignTeam([jane, joe], sales.id)).toBe(2);
		expect((await app.teams.list()).find((team) => team.id === sales.id)?.members).toBe(2);
		expect((await byId(app, jane)).teamName).toBe('SALES Europe');

		expect(await app.teams.remove(sales.id)).toBe(2);
		expect((await app.teams.list()).map((team) => team.name)).toEqual(['Support']);
		expect((await app.people.list()).map((each) => each.teamId)).toEqual([null, null]);
		await expect(app.people.assignTeam([jane], sales.id)).rejects.toThrow(/no longer exists/);
		await expect(app.teams.remove(sales.id)).rejects.toThrow(/no longer exists/);
	});

	it('previews where the team-from-Salesforce rule would put users, naming the teams it would create', async () => {
		const app = useCases(await openStore(), {settings: {teamFromSalesforce: 'role'}});
		await app.teams.create('emea rep');
		const preview = await app.teams.previewPlacement([salesforceUser({roleName: 'EMEA Rep'}), salesforceUser({roleName: 'Manager'}), salesforceUser({roleName: null})]);
		expect(preview).toMatchObject({rule: 'role', unplaced: 1});
		expect(preview.teams.map((team) => [team.name, team.people, team.isNew])).toEqual(
			expect.arrayContaining([
				['EMEA Rep', 1, false],
				['Manager', 1, true],
			]),
		);
	});
});

describeOnEveryEngine('admins', (openStore) => {
	it('treats everyone as admin until the first admin exists, then only admins', async () => {
		const opened = await openStore();
		const ports = useCasePorts(opened, {operator: 'bob'});
		expect(await rightsIn(ports.directory, 'bob')).toMatchObject({isAdmin: true, bootstrap: true});
		const alice = await grantAdmin(ports, {login: 'alice', name: 'Alice Admin', email: 'alice@acme.com'});
		expect(alice).toMatchObject({created: true, login: 'alice'});
		expect(await rightsIn(ports.directory, 'alice')).toMatchObject({isAdmin: true, bootstrap: false, person: {id: alice.id}});
		const bob = await rightsIn(ports.directory, 'bob');
		expect(bob).toMatchObject({isAdmin: false, bootstrap: false});
		expect(bob.reason).toMatch(/Ask Alice Admin \(alice\)/);
		// Bob was let in while there was no admin; now he is not.
		await expect(grantAdmin(ports, {login: 'bob', name: 'Bob', email: 'bob@acme.com'})).rejects.toThrow(NotAdminError);
		expect((await listAdmins(ports)).map((admin) => admin.login)).toEqual(['alice']);
	});

	it('makes an existing person an admin by email, and refuses a login taken by someone else', async () => {
		const opened = await openStore();
		const app = useCases(opened);
		const jane = await app.people.add({name: 'Jane', email: 'jane@acme.com'});
		expect(await grantAdmin(app.ports, {login: 'jane', email: 'JANE@acme.com'})).toMatchObject({id: jane, created: false});
		expect(await byId(app, jane)).toMatchObject({role: 'admin', osLogin: 'jane'});
		const asJane = useCases(opened, {operator: 'jane'});
		await expect(grantAdmin(asJane.ports, {login: 'newbie'})).rejects.toThrow(/give their name and email/);
		await expect(grantAdmin(asJane.ports, {login: 'has blanks', name: 'X', email: 'x@acme.com'})).rejects.toThrow(/cannot be an OS login/);
		const joe = await asJane.people.add({name: 'Joe', email: 'joe@acme.com'});
		await expect(asJane.people.setRole(joe, 'admin', 'jane')).rejects.toThrow(/Jane has the OS login "jane" already/);
		await expect(asJane.people.setRole(joe, 'admin')).rejects.toThrow(/needs the OS login/);
		await asJane.people.setRole(joe, 'admin', 'joe');
		expect((await listAdmins(app.ports)).map((admin) => admin.login)).toEqual(['jane', 'joe']);
		await asJane.people.setActive(joe, false);
		await expect(asJane.people.setRole(joe, 'admin')).rejects.toThrow(/is deactivated; reactivate them first/);
	});

	it('never lets the last admin go: not made a member, not deactivated', async () => {
		const opened = await openStore();
		const asAlice = useCasePorts(opened, {operator: 'alice'});
		const alice = await grantAdmin(asAlice, {login: 'alice', name: 'Alice', email: 'alice@acme.com'});
		await expect(setRole(asAlice, alice.id, 'member')).rejects.toThrow(/You are the last admin/);
		await expect(people(asAlice).setActive(alice.id, false)).rejects.toThrow(/You are the last admin/);
		const bob = await grantAdmin(asAlice, {login: 'bob', name: 'Bob', email: 'bob@acme.com'});
		await setRole(asAlice, alice.id, 'member');
		// Alice is a member now: only Bob may change admins, and he cannot leave the store without one.
		await expect(setRole(asAlice, bob.id, 'member')).rejects.toThrow(NotAdminError);
		const asBob = useCasePorts(opened, {operator: 'bob'});
		await expect(setRole(asBob, bob.id, 'member')).rejects.toThrow(/You are the last admin/);
		expect((await listAdmins(asBob)).map((admin) => admin.login)).toEqual(['bob']);
	});
});

describeOnEveryEngine('manual mappings', (openStore) => {
	it('maps a user to a person for the next import, refusing what cannot be, and clears the choice', async () => {
		const app = useCases(await openStore());
		const taken = salesforceUser({firstName: 'Tom', lastName: 'Taken', email: 'tom@acme.com'});
		await app.importUsers([taken]);
		const tom = (await app.people.list())[0]!.id;
		const jo = await app.people.add({name: 'Jo Private', email: 'jo@home.example'});
		const user = salesforceUser({email: 'jo.work@acme.com'});

		await expect(app.mappings.mapTo(user.id, 9999)).rejects.toThrow(/no SalesScreen person with id 9999/);
		await expect(app.mappings.mapTo(user.id, tom)).rejects.toThrow(/already linked to Salesforce user Tom Taken/);
		await expect(app.mappings.mapTo(taken.id, jo)).rejects.toThrow(/stays so/);
		await expect(app.mappings.mapTo('not-an-id', jo)).rejects.toThrow(/not a Salesforce user id/);
		await app.mappings.mapTo(user.id, jo);
		await expect(app.mappings.mapTo(salesforceUser().id, jo)).rejects.toThrow(/already chosen for Salesforce user/);

		const run = await app.importUsers([user]);
		expect(run.entries[0]).toMatchObject({action: 'map', manual: true, person: {id: jo}});

		const ignored = salesforceUser();
		await app.mappings.ignore(ignored.id);
		expect((await app.importUsers([ignored])).entries[0]).toMatchObject({action: 'skip', reason: 'ignored'});
		await app.mappings.clear(ignored.id);
		expect((await app.importUsers([ignored])).entries[0]).toMatchObject({action: 'create'});
		expect((await app.mappings.searchPeople('JO ', 10)).map((each) => each.name)).toEqual(['Jo Private']);
	});
});

describeOnEveryEngine('history', (openStore) => {
	it('lists runs newest first with their outcomes, and undoes the last one', async () => {
		const app = useCases(await openStore());
		expect(await app.history.listRuns()).toEqual([]);
		const first = await app.importUsers([salesforceUser({firstName: 'Ann', lastName: 'One'})]);
		const second = await app.importUsers([salesforceUser({firstName: 'Bo', lastName: 'Two'}), salesforceUser({firstName: 'Cy', lastName: 'Three'})]);

		const runs = await app.history.listRuns();
		expect(runs.map((run) => [run.id, run.mode, run.status, run.operator, run.selected, run.created])).toEqual([
			[second.runId, 'manual', 'completed', 'alice', 2, 2],
			[first.runId, 'manual', 'completed', 'alice', 1, 1],
		]);
		expect((await app.history.runOutcomes(second.runId!)).map((row) => [row.salesforceName, row.outcome, row.manual])).toEqual([
			['Bo Two', 'created', false],
			['Cy Three', 'created', false],
		]);

		expect(await app.history.undoLastRun()).toEqual({undoneRunId: second.runId, removedPeople: 2, removedLinks: 2, keptPeople: []});
		expect((await app.history.listRuns()).map((run) => [run.mode, run.status])).toEqual([
			['undo', 'completed'],
			['manual', 'undone'],
			['manual', 'completed'],
		]);
		expect((await app.people.list()).map((each) => each.name)).toEqual(['Ann One']);
		expect(await app.history.lastAutomaticSync()).toBeUndefined();
	});

	it('undo keeps a created person someone put on a team since, and says why', async () => {
		const app = useCases(await openStore());
		const run = await app.importUsers([salesforceUser({firstName: 'Kay', lastName: 'Kept'}), salesforceUser({firstName: 'Gus', lastName: 'Gone'})]);
		const kay = (await app.people.list()).find((each) => each.name === 'Kay Kept')!;
		const team = await app.teams.create('Sales');
		await app.people.assignTeam([kay.id], team.id);

		expect(await app.history.undoLastRun()).toEqual({undoneRunId: run.runId, removedPeople: 1, removedLinks: 2, keptPeople: [{name: 'Kay Kept', reason: 'is on a team'}]});
		expect(await app.people.list()).toEqual([expect.objectContaining({name: 'Kay Kept', salesforceUserId: null, teamName: 'Sales'})]);
	});
});
