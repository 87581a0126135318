import {expect, it} from 'vitest';
import {importUsers} from '../../source/app/import-users.js';
import {people} from '../../source/app/people.js';
import {applyAutomaticRun, type AutomaticRunInput} from '../../source/app/sync-users.js';
import {undoLastRun} from '../../source/app/undo-last-run.js';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {describeOnEveryEngine, type OpenedStore} from '../support/store-engines.js';
import {useCasePorts, type AsOperator} from '../support/use-case-ports.js';

// The run use cases (import, sync, undo) over each engine's store ports, read back through the ports only.

function runs(opened: OpenedStore, options: AsOperator = {}) {
	const ports = useCasePorts(opened, options);
	return {
		ports,
		importUsers: async (users: readonly SalesforceUser[]) => importUsers(ports).run(users),
		undo: async () => undoLastRun(ports),
		listPeople: async () => people(ports).list(),
	};
}

function sync(opened: OpenedStore, users: SalesforceUser[], more: Partial<AutomaticRunInput> = {}) {
	return applyAutomaticRun(useCasePorts(opened, {operator: 'cron', cron: true, settings: {safeguardShare: 0.2}}), {
		rules: {},
		candidates: users.filter((user) => user.isActive),
		fetched: users,
		confirmHeld: false,
		syncKind: 'full',
		highWaterMark: '2026-01-01T00:00:00.000Z',
		fingerprint: 'org',
		org: {orgId: '00D000000000001AAA', isDemo: false, instanceUrl: 'https://acme.my.salesforce.com'},
		...more,
	});
}

const outcomesOf = async (opened: OpenedStore, runId: number) => (await opened.ports.history.runOutcomes(runId)).map((outcome) => outcome.outcome);

describeOnEveryEngine('import', (openStore) => {
	it('creates people, maps an existing one by email filling their name, skips what it must, and a second import changes nothing', async () => {
		const opened = await openStore();
		const app = runs(opened, {settings: {fillOnMap: 'name'}});
		const existing = await opened.ports.directory.change(async (writes) =>
			writes.insertPerson({name: 'Existing', email: 'Existing@Acme.com', emailNormalised: 'existing@acme.com', title: null, role: 'member', osLogin: null}, new Date().toISOString()),
		);
		const created = Array.from({length: 30}, () => salesforceUser());
		const mapped = salesforceUser({email: 'EXISTING@acme.com'});
		const noEmail = salesforceUser({email: null});
		const first = await app.importUsers([...created, mapped, noEmail]);
		expect(first.entries.map((entry) => entry.action)).toEqual([...created.map(() => 'create'), 'map', 'skip']);
		expect(await outcomesOf(opened, first.runId!)).toEqual([...created.map(() => 'created'), 'mapped', 'skipped']);

		const listed = await app.listPeople();
		expect(listed).toHaveLength(31);
		expect(listed.find((person) => person.id === existing)).toMatchObject({name: `${mapped.firstName} ${mapped.lastName}`, salesforceUserId: mapped.id});
		expect(listed.filter((person) => person.origin === 'salesforce').map((person) => person.salesforceUserId).sort()).toEqual(created.map((user) => user.id).sort());
		expect((await opened.ports.history.listRuns({limit: 1}))[0]).toMatchObject({id: first.runId, mode: 'manual', status: 'completed', createdCount: 30, mappedCount: 1, skippedCount: 1});
		expect(await opened.ports.history.countOutcomes(first.runId!)).toEqual({created: 30, mapped: 1, skipped: 1, manual: 0});

		const again = await app.importUsers([...created, mapped]);
		expect(again.entries.every((entry) => entry.action === 'already-imported')).toBe(true);
		expect(await app.listPeople()).toHaveLength(31);
	});

	it('undo removes the people the run created and every link, and gives a mapped person their fields back', async () => {
		const opened = await openStore();
		const app = runs(opened, {settings: {fillOnMap: 'name'}});
		const existing = await opened.ports.directory.change(async (writes) =>
			writes.insertPerson({name: 'Existing', email: 'existing@acme.com', emailNormalised: 'existing@acme.com', title: null, role: 'member', osLogin: null}, '2020-01-01T00:00:00.000Z'),
		);
		const earlier = salesforceUser();
		await app.importUsers([earlier]);
		const run = await app.importUsers([salesforceUser(), salesforceUser(), salesforceUser({email: 'existing@acme.com'}), earlier]);

		expect(await app.undo()).toMatchObject({removedPeople: 2, removedLinks: 3, keptPeople: []});
		const left = await app.listPeople();
		expect(left.map((person) => person.name).sort()).toEqual(['Existing', `${earlier.firstName} ${earlier.lastName}`].sort());
		expect(left.find((person) => person.id === existing)).toMatchObject({name: 'Existing', salesforceUserId: null});
		const [undo, undone] = await opened.ports.history.listRuns({limit: 2});
		expect([undo!.mode, undo!.status, undo!.undoesRunId, undone!.id, undone!.status]).toEqual(['undo', 'completed', run.runId, run.runId, 'undone']);
		expect((await outcomesOf(opened, undo!.id)).sort()).toEqual(['removed', 'removed', 'unlinked']);
	});

	it('puts imported people on the team Salesforce names, creating it once', async () => {
		const opened = await openStore();
		const app = runs(opened, {settings: {teamFromSalesforce: 'department'}});
		const users = [salesforceUser({department: 'Sales'}), salesforceUser({department: 'sales'}), salesforceUser({department: 'Support'})];
		const report = await app.importUsers(users);
		expect(report.teams).toMatchObject({placed: 3});
		expect((await opened.ports.directory.listTeams()).map((team) => [team.name.toLowerCase(), team.members])).toEqual([
			['sales', 2],
			['support', 1],
		]);
	});

	it('one writer at a time: a second asking for the write lock is told who holds it, and gets it once the first is done', async () => {
		const opened = await openStore();
		const holder = {operator: 'alice', mode: 'manual' as const, startedAt: '2026-01-01T00:00:00.000Z'};
		let release!: () => void;
		const held = new Promise<void>((resolve) => {
			release = resolve;
		});
		let entered!: () => void;
		const inside = new Promise<void>((resolve) => {
			entered = resolve;
		});
		const first = opened.ports.runs.tryWriteLock(holder, async () => {
			entered();
			await held;
			return 'first';
		});
		await inside;
		const second = await opened.ports.runs.tryWriteLock({...holder, operator: 'bob'}, async () => 'second');
		expect(second).toEqual({acquired: false, holder});
		release();
		expect(await first).toEqual({acquired: true, value: 'first'});
		expect(await opened.ports.runs.tryWriteLock({...holder, operator: 'bob'}, async () => 'second')).toEqual({acquired: true, value: 'second'});
	});

	it('rolls back every write of a run that throws', async () => {
		const opened = await openStore();
		const holder = {operator: 'alice', mode: 'manual' as const, startedAt: new Date().toISOString()};
		await expect(
			opened.ports.runs.tryWriteLock(holder, async (writes) => {
				await writes.insertRun({...holder, status: 'completed', selectedCount: 1});
				throw new Error('stopped on purpose');
			}),
		).rejects.toThrow('stopped on purpose');
		expect(await opened.ports.history.listRuns()).toEqual([]);
	});
});

describeOnEveryEngine('automatic sync', (openStore) => {
	it('makes people inactive when their Salesforce user is, and active again on return, recording each', async () => {
		const opened = await openStore();
		const users = Array.from({length: 10}, () => salesforceUser());
		await sync(opened, users);
		expect(await opened.ports.runs.syncMemory()).toMatchObject({highWaterMark: '2026-01-01T00:00:00.000Z', incrementalSinceFull: 0, fingerprint: 'org'});

		const left = {...users[3]!, isActive: false};
		const gone = await sync(opened, [left], {syncKind: 'incremental', highWaterMark: '2026-01-02T00:00:00.000Z'});
		expect(gone.status).toBe('completed');
		expect(await outcomesOf(opened, gone.runId)).toEqual(['deactivated']);
		expect((await opened.ports.runs.linkedPeople()).get(left.id)).toMatchObject({active: false, deactivatedBySync: true});
		expect((await opened.ports.history.listRuns({limit: 1}))[0]).toMatchObject({deactivatedCount: 1, syncKind: 'incremental'});

		const back = await sync(opened, [users[3]!], {syncKind: 'incremental'});
		expect(await outcomesOf(opened, back.runId)).toEqual(['already-imported', 'reactivated']);
		expect((await opened.ports.runs.linkedPeople()).get(left.id)).toMatchObject({active: true, deactivatedBySync: false});
		// An incremental sync never moves the mark back.
		expect((await opened.ports.runs.syncMemory()).highWaterMark).toBe('2026-01-02T00:00:00.000Z');
	});

	it('holds a run that would deactivate more than the share, changing nothing, until confirmed', async () => {
		const opened = await openStore();
		const users = Array.from({length: 10}, () => salesforceUser());
		await sync(opened, users);
		const leaving = users.slice(0, 3).map((user) => ({...user, isActive: false}));

		const held = await sync(opened, leaving, {highWaterMark: '2026-02-01T00:00:00.000Z'});
		expect(held).toMatchObject({status: 'held', safeguard: {holds: true, wouldDeactivate: 3}});
		expect([...(await opened.ports.runs.linkedPeople()).values()].filter((person) => !person.active)).toEqual([]);

		const confirmed = await sync(opened, leaving, {confirmHeld: true});
		expect(confirmed).toMatchObject({status: 'completed', releasedRunId: held.runId});
		expect([...(await opened.ports.runs.linkedPeople()).values()].filter((person) => !person.active)).toHaveLength(3);
		expect((await opened.ports.history.listRuns({status: 'released'})).map((run) => run.id)).toEqual([held.runId]);
	});

	it('refuses another org’s users once the store holds one org’s people', async () => {
		const opened = await openStore();
		await sync(opened, [salesforceUser()]);
		await expect(sync(opened, [salesforceUser()], {org: {orgId: '00D000000000002AAA', isDemo: false, instanceUrl: 'https://other.my.salesforce.com'}})).rejects.toThrow(
			/people do not mix/,
		);
	});
});
