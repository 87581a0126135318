import fs from 'node:fs';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {AppError} from '../../source/app/app-error.js';
import {importUsers} from '../../source/app/import-users.js';
import {syncUsers} from '../../source/app/sync-users.js';
import {undoLastRun} from '../../source/app/undo-last-run.js';
import {openStore} from '../../source/store/database.js';
import {listImportRuns} from '../../source/store/import-history-query.js';
import {sqliteRunStore} from '../../source/store/sqlite-run-store.js';
import {appPorts, runImport} from '../support/app-ports.js';
import {salesforceUser} from '../support/salesforce-users.js';
import {rowCount, tempStoresPerTest} from '../support/temp-store.js';

const tempStore = tempStoresPerTest();

async function until(condition: () => boolean): Promise<void> {
	while (!condition()) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Another process's run, on a connection of its own, holding the write lock until `release` is called. */
function otherRunHolding(file: string, holder = {operator: 'bob', mode: 'manual' as const, startedAt: '2026-05-04T14:02:00.000'}) {
	const other = openStore(file);
	let release!: () => void;
	const released = new Promise<void>((resolve) => {
		release = resolve;
	});
	let holding = false;
	const done = sqliteRunStore(other).tryWriteLock(holder, async () => {
		holding = true;
		await released;
	});
	return {
		held: async () => until(() => holding),
		async release() {
			release();
			await done;
			other.close();
		},
	};
}

describe('runs that find another run writing', () => {
	it('an import waits for the run holding the store, says whose it is, and then imports', async () => {
		const store = tempStore();
		const other = otherRunHolding(store.file);
		await other.held();

		const waits: string[] = [];
		const importing = runImport(store, [salesforceUser(), salesforceUser()], {onWait: (message) => waits.push(message)});
		await until(() => waits.length > 0);
		expect(waits).toEqual(['Waiting for another import to finish (started by bob at 14:02)…']);
		expect(rowCount(store, 'people')).toBe(0);

		await other.release();
		const result = await importing;
		expect(result.plan.counts.create).toBe(2);
		expect(listImportRuns(store).map((run) => run.status)).toEqual(['completed']);
	});

	it('a sync and an undo wait the same way', async () => {
		const store = tempStore();
		await runImport(store, [salesforceUser()]);
		const other = otherRunHolding(store.file, {operator: 'carol', mode: 'auto', startedAt: '2026-05-04T09:30:00.000'});
		await other.held();

		const waits: string[] = [];
		const ports = appPorts(store, {settings: {autoSync: true}, org: {users: [salesforceUser()]}});
		const syncing = syncUsers(ports, {dryRun: false, confirmHeld: false, onWait: (message) => waits.push(message)});
		const undoing = undoLastRun(ports, {onWait: (message) => waits.push(message)});
		await until(() => waits.length === 2);
		expect(waits).toEqual(['Waiting for another automatic sync to finish (started by carol at 09:30)…', 'Waiting for another automatic sync to finish (started by carol at 09:30)…']);

		await other.release();
		expect((await syncing).status).toBe('completed');
		expect((await undoing).undoneRunId).toBeGreaterThan(0);
	});

	it('gives up after write-wait seconds, in words, and the failed run is recorded once the store is free', async () => {
		const store = tempStore();
		// Another program (not salesscreen) holding SQLite's write lock: no name to give.
		const program = new Database(store.file);
		program.exec('BEGIN IMMEDIATE');

		const ports = appPorts(store, {settings: {writeWaitSeconds: 1}});
		const failure = await importUsers(ports)
			.run([salesforceUser()])
			.then(
				() => undefined,
				(error: unknown) => error,
			);
		expect(failure).toBeInstanceOf(AppError);
		expect((failure as AppError).code).toBe('write-wait-expired');
		expect((failure as AppError).message).toMatch(
			/^Nothing was written: another program writing to the SalesScreen database is still running, and this import gave up after waiting \d+ seconds?\. Try again when it has finished, or let runs wait longer: salesscreen settings set write-wait SECONDS\.$/,
		);
		// The store could not take the failed run while the program held it: it is kept beside the database.
		expect(fs.existsSync(`${store.file}-failed-runs`)).toBe(true);

		program.exec('COMMIT');
		program.close();
		await runImport(store, [salesforceUser()]);
		expect(listImportRuns(store).map((run) => [run.mode, run.status, run.error])).toEqual([
			['manual', 'completed', null],
			['manual', 'failed', (failure as AppError).message],
		]);
		expect(fs.existsSync(`${store.file}-failed-runs`)).toBe(false);
	});
});

describe('import users, whoever calls it', () => {
	it('refuses while the connected Salesforce user may not list users, writing nothing', async () => {
		const store = tempStore();
		const ports = appPorts(store, {org: {users: [salesforceUser()], mayListUsers: false}});
		const pickAll = (users: readonly ReturnType<typeof salesforceUser>[]) => users;
		for (const attempt of [importUsers(ports).run([salesforceUser()]), importUsers(ports).listAndImport(pickAll, {dryRun: false})]) {
			// eslint-disable-next-line no-await-in-loop
			await expect(attempt).rejects.toThrow(/^Import is blocked\. The connected Salesforce user test@acme\.com has neither "Manage Users" nor "View All Users"\.$/);
		}

		expect(rowCount(store, 'people')).toBe(0);
		expect(rowCount(store, 'import_runs')).toBe(0);
		// A plan only reads: anyone may see it.
		expect((await importUsers(ports).listAndImport(pickAll, {dryRun: true})).entries).toHaveLength(1);
	});

	it('records a listing that fails as a failed run, as sync does', async () => {
		const store = tempStore();
		const ports = appPorts(store, {settings: {autoSync: true}});
		const unreachable = {...ports, salesforce: {...ports.salesforce, listUsers: async () => Promise.reject(new Error('Salesforce answered 503 Service Unavailable'))}};
		await expect(importUsers(unreachable).listAndImport((users) => users, {dryRun: false})).rejects.toThrow(/^The import failed and nothing of it was written: /);
		await expect(syncUsers(unreachable, {dryRun: false, confirmHeld: false})).rejects.toThrow(/^The sync failed and nothing of it was written: /);
		expect(listImportRuns(store).map((run) => [run.mode, run.status])).toEqual([
			['auto', 'failed'],
			['manual', 'failed'],
		]);
		// A dry run writes nothing, not even a failed run.
		await expect(importUsers(unreachable).listAndImport((users) => users, {dryRun: true})).rejects.toThrow(/503/);
		expect(rowCount(store, 'import_runs')).toBe(2);
	});
});
