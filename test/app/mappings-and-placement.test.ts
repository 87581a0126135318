import {expect, it} from 'vitest';
import {history} from '../../source/app/history.js';
import {importUsers} from '../../source/app/import-users.js';
import {manualMappings} from '../../source/app/manual-mappings.js';
import {people} from '../../source/app/people.js';
import {teams} from '../../source/app/teams.js';
import {DirectoryError} from '../../source/core/directory-error.js';
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
		history: history(ports, {undoLastRun: async () => ({undoneRunId: 0, removedPeople: 0, removedLinks: 0, keptPeople: []}), releaseHeldSync: async () => ({message: ''})}),
		importUsers: async (users: readonly SalesforceUser[]) => importUsers(ports).run(users),
	};
}

describeOnEveryEngine('manual choices', (openStore) => {
	it('maps a user to the chosen person on the next import, recorded as by hand in the audit trail', async () => {
		const app = useCases(await openStore());
		const jo = await app.people.add({name: 'Jo Private', email: 'jo@home.example'});
		const user = salesforceUser({email: 'jo.work@acme.com'});
		await app.mappings.mapTo(user.id, jo);

		const run = await app.importUsers([user]);
		expect(run.entries[0]).toMatchObject({action: 'map', manual: true, person: {id: jo}});
		expect(await app.history.runOutcomes(run.runId!)).toMatchObject([{outcome: 'mapped', manual: true, detail: expect.stringContaining('mapped by hand to')}]);
		expect((await app.people.list()).find((each) => each.id === jo)).toMatchObject({salesforceUserId: user.id});
	});

	it('never offers an ignored user again until the choice is cleared', async () => {
		const app = useCases(await openStore());
		const user = salesforceUser();
		await app.mappings.ignore(user.id);
		expect((await app.importUsers([user])).entries[0]).toMatchObject({action: 'skip', reason: 'ignored'});
		await app.mappings.clear(user.id);
		expect((await app.importUsers([user])).entries[0]).toMatchObject({action: 'create'});
	});

	it('asks the next automatic sync to read every user, since the user concerned may never change in Salesforce', async () => {
		const app = useCases(await openStore());
		expect((await app.ports.runs.syncMemory()).fullSyncRequested).toBe(false);
		await app.mappings.ignore(salesforceUser().id);
		expect((await app.ports.runs.syncMemory()).fullSyncRequested).toBe(true);
	});

	it('refuses a person who does not exist, one linked or chosen for another user, and a linked user, choosing nothing', async () => {
		const app = useCases(await openStore());
		const taken = salesforceUser({firstName: 'Tom', lastName: 'Taken', email: 'tom@acme.com'});
		await app.importUsers([taken]);
		const tom = (await app.people.list())[0]!.id;
		const free = await app.people.add({name: 'Free', email: 'free@acme.com'});
		const other = salesforceUser();
		const third = salesforceUser();

		await expect(app.mappings.mapTo(other.id, 9999)).rejects.toThrow(DirectoryError);
		await expect(app.mappings.mapTo(other.id, tom)).rejects.toThrow(/already linked to Salesforce user Tom Taken/);
		await expect(app.mappings.mapTo(taken.id, free)).rejects.toThrow(/stays so/);
		await app.mappings.mapTo(other.id, free);
		await expect(app.mappings.mapTo(third.id, free)).rejects.toThrow(/already chosen for Salesforce user/);
		await expect(app.mappings.mapTo('not-an-id', free)).rejects.toThrow(/not a Salesforce user id/);
		// Only the one choice was made: the third user is created, not mapped.
		expect((await app.importUsers([third])).entries[0]).toMatchObject({action: 'create'});
	});

	it('finds people by a part of their name or email without regard to case, by name, with their link', async () => {
		const app = useCases(await openStore());
		await app.people.add({name: 'Zoë Åberg', email: 'zoe@acme.com'});
		await app.people.add({name: 'Adam Berg', email: 'adam.berg@acme.com'});
		await app.people.add({name: 'Carl Other', email: 'carl@other.example'});
		const linked = salesforceUser({firstName: 'Bergitta', lastName: 'New', email: 'bergitta@acme.com'});
		await app.importUsers([linked]);

		const names = async (query: string, limit = 10) => (await app.mappings.searchPeople(query, limit)).map((person) => person.name);
		expect(await names('BERG')).toEqual(['Adam Berg', 'Bergitta New', 'Zoë Åberg']);
		expect(await names('åberg')).toEqual(['Zoë Åberg']);
		expect(await app.mappings.searchPeople('other.EXAMPLE', 10)).toEqual([{id: expect.any(Number), name: 'Carl Other', email: 'carl@other.example', linkedSalesforceUserId: null}]);
		expect((await app.mappings.searchPeople('bergitta', 10))[0]?.linkedSalesforceUserId).toBe(linked.id);
		expect(await names('', 2)).toHaveLength(2);
		expect(await names('acme', 0)).toEqual([]);
	});
});

describeOnEveryEngine('placing imported people on teams from Salesforce', (openStore) => {
	it('puts created and mapped people on the team named by their role, creating it, and keeps a team someone has', async () => {
		const app = useCases(await openStore(), {settings: {teamFromSalesforce: 'role'}});
		const mary = await app.people.add({name: 'Mapped Mary', email: 'mary@acme.com'});
		const placed = await app.teams.create('Placed already');
		const kim = await app.people.add({name: 'Kept Kim', email: 'kim@acme.com'});
		await app.people.assignTeam([kim], placed.id);
		await app.teams.create('emea rep');

		const run = await app.importUsers([
			salesforceUser({email: 'new@acme.com', roleName: 'EMEA Rep'}),
			salesforceUser({email: 'MARY@acme.com', roleName: 'EMEA Rep'}),
			salesforceUser({email: 'kim@acme.com', roleName: 'Manager'}),
			salesforceUser({email: 'other@acme.com', roleName: 'Manager'}),
			salesforceUser({email: 'norole@acme.com', roleName: null}),
		]);
		expect(run.teams).toMatchObject({placed: 3, newTeams: ['Manager']});
		const teamOf = new Map((await app.people.list()).map((each) => [each.email.toLowerCase(), each.teamName]));
		expect(teamOf.get('new@acme.com')).toBe('emea rep');
		expect(teamOf.get('mary@acme.com')).toBe('emea rep');
		expect(teamOf.get('kim@acme.com')).toBe('Placed already');
		expect(teamOf.get('other@acme.com')).toBe('Manager');
		expect(teamOf.get('norole@acme.com')).toBeNull();
		expect((await app.people.list()).find((each) => each.id === mary)?.teamName).toBe('emea rep');
	});

	it('places no one while the setting is off', async () => {
		const app = useCases(await openStore(), {settings: {teamFromSalesforce: 'off'}});
		const run = await app.importUsers([salesforceUser({roleName: 'EMEA Rep'})]);
		expect(run.teams).toMatchObject({placed: 0, newTeams: []});
		expect(await app.teams.list()).toEqual([]);
	});
});
