import {describe, expect, it} from 'vitest';
import type {Store} from '../../source/store/database.js';
import {listImportRuns, listRunOutcomes} from '../../source/store/import-history-query.js';
import {AppError} from '../../source/app/app-error.js';
import {runImport, undoLastRun} from '../support/app-ports.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {tempStoresPerTest, rowCount} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

function addPerson(store: Store, name: string, email: string): number {
	return Number(
		store.sqlite.prepare("insert into people (name, email, email_normalised, origin) values (?, ?, ?, 'manual')").run(name, email, email.toLowerCase()).lastInsertRowid,
	);
}

const personIdOf = (store: Store, salesforceUserId: string) =>
	(store.sqlite.prepare('select person_id as id from salesforce_links where salesforce_user_id = ?').get(salesforceUserId) as {id: number}).id;

describe('undoLastRun', () => {
	it('removes the people the last run created and every link it made, keeps mapped people, and records itself', async () => {
		const store = tempStore();
		const existing = addPerson(store, 'Existing', 'existing@acme.com');
		const earlier = salesforceUser();
		await runImport(store, [earlier], {operator: 'alice'});
		const created = [salesforceUser(), salesforceUser()];
		const mapped = salesforceUser({email: 'existing@acme.com'});
		const {runId} = await runImport(store, [...created, mapped, earlier], {operator: 'alice', rules: {fillOnMap: 'name'}});
		expect(store.sqlite.prepare('select name from people where id = ?').get(existing)).toEqual({name: mapped.firstName + ' ' + mapped.lastName});

		const result = await undoLastRun(store, 'bob');

		expect(result).toEqual({undoneRunId: runId, recordRunId: expect.any(Number), removedPeople: 2, removedLinks: 3, keptPeople: []});
		// The earlier run's person and link, and the mapped person (with their own name back), stay.
		expect(store.sqlite.prepare('select id, name from people order by id').all()).toEqual([
			{id: existing, name: 'Existing'},
			{id: expect.any(Number), name: `${earlier.firstName} ${earlier.lastName}`},
		]);
		expect(store.sqlite.prepare('select salesforce_user_id as sf from salesforce_links').all()).toEqual([{sf: earlier.id}]);
		const runs = listImportRuns(store);
		expect(runs.map((run) => [run.mode, run.status, run.operator, run.undoesRunId])).toEqual([
			['undo', 'completed', 'bob', runId],
			['manual', 'undone', 'alice', null],
			['manual', 'completed', 'alice', null],
		]);
		expect(listRunOutcomes(store, result.recordRunId).map((outcome) => outcome.outcome).sort()).toEqual(['removed', 'removed', 'unlinked']);
	});

	it('keeps a person something came to depend on, without the link, and says why', async () => {
		const store = tempStore();
		const [onTeam, edited, admin, plain] = [salesforceUser(), salesforceUser(), salesforceUser(), salesforceUser()];
		await runImport(store, [onTeam, edited, admin, plain], {operator: 'alice'});
		const team = Number(store.sqlite.prepare("insert into teams (name, name_normalised) values ('Sales', 'sales')").run().lastInsertRowid);
		store.sqlite.prepare('update people set team_id = ? where id = ?').run(team, personIdOf(store, onTeam.id));
		store.sqlite.prepare("update people set title = 'Changed', updated_at = '2999-01-01T00:00:00.000Z' where id = ?").run(personIdOf(store, edited.id));
		store.sqlite.prepare("update people set os_login = 'carol', role = 'admin' where id = ?").run(personIdOf(store, admin.id));

		// Carol is an admin now, so only an admin may undo.
		const result = await undoLastRun(store, 'carol');

		expect(result.removedPeople).toBe(1);
		expect(result.removedLinks).toBe(4);
		expect(result.keptPeople.map((kept) => kept.reason).sort()).toEqual(['administers SalesScreen', 'edited after the import', 'is on a team']);
		expect(rowCount(store, 'people')).toBe(3);
		expect(rowCount(store, 'salesforce_links')).toBe(0);
	});

	it('refuses a second undo, and an undo with nothing to undo, changing nothing', async () => {
		const store = tempStore();
		await expect(undoLastRun(store, 'bob')).rejects.toThrow(AppError);
		await expect(undoLastRun(store, 'bob')).rejects.toThrow(/nothing to undo/);
		await runImport(store, [salesforceUser()], {operator: 'alice'});
		const first = await undoLastRun(store, 'bob');
		await expect(undoLastRun(store, 'bob')).rejects.toThrow(new RegExp(`run #${first.undoneRunId}, was already undone by run #${first.recordRunId}`));
		expect(rowCount(store, 'import_runs')).toBe(2);
	});

	it('passes over runs that changed nothing', async () => {
		const store = tempStore();
		const user = salesforceUser();
		const {runId} = await runImport(store, [user], {operator: 'alice'});
		await runImport(store, [user], {operator: 'alice'});
		expect((await undoLastRun(store, 'bob')).undoneRunId).toBe(runId);
	});

	it('undoes nothing at all when it fails part-way', async () => {
		const store = tempStore();
		await runImport(store, [salesforceUser(), salesforceUser()], {operator: 'alice'});
		store.sqlite.exec("create temp trigger no_deletes before delete on people begin select raise(abort, 'disk says no'); end");
		await expect(undoLastRun(store, 'bob')).rejects.toThrow(/The undo failed and nothing was changed: disk says no/);
		expect(rowCount(store, 'salesforce_links')).toBe(2);
		// The failed undo is recorded, as every run is; the import it tried to undo stands.
		expect(listImportRuns(store).map((run) => [run.mode, run.status, run.error])).toEqual([
			['undo', 'failed', 'disk says no'],
			['manual', 'completed', null],
		]);
	});
});
