import {describe, expect, it} from 'vitest';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';
import type {Store} from '../../source/store/database.js';
import {listImportRuns, listRunOutcomes} from '../../source/store/import-history-query.js';
import {applyAutomaticRun, type AutomaticRunInput} from '../../source/app/sync-users.js';
import {appPorts, runImport, undoLastRun} from '../support/app-ports.js';
import {readSyncMemory} from '../../source/store/sync-state.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {tempStoresPerTest} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

function sync(store: Store, users: SalesforceUser[], more: Partial<AutomaticRunInput> = {}) {
	return applyAutomaticRun(appPorts(store, {operator: 'cron', cron: true, settings: {safeguardShare: 0.2}}), {
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

const activeFlags = (store: Store) => (store.sqlite.prepare('select active, deactivated_by_sync as bySync from people order by id').all() as Array<{active: number; bySync: number}>).map((row) => [row.active, row.bySync]);

describe('an automatic run (the sync use case once users are read)', () => {
	it('makes people inactive when their Salesforce user is, and active again on return, recording each', async () => {
		const store = tempStore();
		const users = Array.from({length: 10}, () => salesforceUser());
		await sync(store, users);
		expect(readSyncMemory(store)).toMatchObject({highWaterMark: '2026-01-01T00:00:00.000Z', incrementalSinceFull: 0, fingerprint: 'org'});

		const left = {...users[3]!, isActive: false};
		const gone = await sync(store, [left], {syncKind: 'incremental', highWaterMark: '2026-01-02T00:00:00.000Z'});
		expect(gone.status).toBe('completed');
		expect(activeFlags(store)[3]).toEqual([0, 1]);
		expect(listRunOutcomes(store, gone.runId)).toMatchObject([{outcome: 'deactivated', salesforceUserId: left.id}]);
		expect(listImportRuns(store, {limit: 1})[0]).toMatchObject({deactivatedCount: 1, syncKind: 'incremental'});
		expect(readSyncMemory(store)).toMatchObject({highWaterMark: '2026-01-02T00:00:00.000Z', incrementalSinceFull: 1});

		const back = await sync(store, [users[3]!], {syncKind: 'incremental'});
		expect(listRunOutcomes(store, back.runId).map((outcome) => outcome.outcome)).toEqual(['already-imported', 'reactivated']);
		expect(activeFlags(store)[3]).toEqual([1, 0]);
		// An incremental sync never moves the mark back.
		expect(readSyncMemory(store).highWaterMark).toBe('2026-01-02T00:00:00.000Z');
	});

	it('holds a run that would deactivate more than the share, changing nothing, until confirmed', async () => {
		const store = tempStore();
		const users = Array.from({length: 10}, () => salesforceUser());
		await sync(store, users);
		const leaving = users.slice(0, 3).map((user) => ({...user, isActive: false}));

		const held = await sync(store, leaving, {highWaterMark: '2026-02-01T00:00:00.000Z'});
		expect(held).toMatchObject({status: 'held', safeguard: {holds: true, wouldDeactivate: 3, linkedPeople: 10, limit: 2}});
		expect(activeFlags(store).filter(([active]) => active === 0)).toEqual([]);
		expect(listImportRuns(store, {limit: 1})[0]).toMatchObject({status: 'held', deactivatedCount: 3, note: expect.stringContaining('--confirm-held')});
		expect(listRunOutcomes(store, held.runId).map((outcome) => outcome.outcome)).toEqual(['deactivated', 'deactivated', 'deactivated']);
		// Nothing moved on: the next sync sees the same changes.
		expect(readSyncMemory(store).highWaterMark).toBe('2026-01-01T00:00:00.000Z');

		const confirmed = await sync(store, leaving, {confirmHeld: true});
		expect(confirmed).toMatchObject({status: 'completed', releasedRunId: held.runId});
		expect(activeFlags(store).filter(([active]) => active === 0)).toHaveLength(3);
		expect(listImportRuns(store, {status: 'released'}).map((run) => run.id)).toEqual([held.runId]);
		expect(listImportRuns(store, {limit: 1})[0]).toMatchObject({releasesRunId: held.runId});
	});

	it('undo makes the people it deactivated active again', async () => {
		const store = tempStore();
		const users = Array.from({length: 10}, () => salesforceUser());
		await runImport(store, users, {operator: 'alice'});
		await sync(store, [{...users[0]!, isActive: false}]);
		expect(await undoLastRun(store, 'alice')).toMatchObject({removedPeople: 0, removedLinks: 0});
		expect(activeFlags(store)[0]).toEqual([1, 0]);
	});
});
