import os from 'node:os';
import type {Connection} from 'jsforce';
import {ensureAppHome, resolveAppHome, type AppHome} from './app-home.js';
import type {DemoOrg} from './demo-org/demo-org.js';
import {openConnection} from './salesforce/connection.js';
import {fetchOrgOverview} from './salesforce/org-overview.js';
import {describeSalesforceError} from './salesforce/salesforce-error.js';
import {fetchSalesforceUsers} from './salesforce/user-source.js';
import {openSettings, type AppSettings} from './settings/settings.js';
import {openStore, type Store} from './store/database.js';
import {seedDemoPeople} from './store/demo-seed.js';
import {loadImportContext} from './store/import-context-query.js';
import {listImportRuns} from './store/import-history-query.js';
import {runImport} from './store/run-import.js';
import type {AppServices, AppSettingsValues} from './ui/app-services.js';

/** Which org to talk to: the built-in demo org, or a real one given by an access token. */
export type OrgTarget =
	| {kind: 'demo'; users?: number; seed?: number}
	| {kind: 'token'; instanceUrl: string; accessToken: string};

export type Session = {
	services: AppServices;
	home: AppHome;
	store: Store;
	settings: AppSettings;
	connection: Connection;
	close: () => Promise<void>;
};

export function currentOperator(): string {
	try {
		return os.userInfo().username;
	} catch {
		return process.env.USER ?? 'unknown';
	}
}

/** One sentence for any error this program can meet, with what to do where we know. */
export function describeError(error: unknown): string {
	if (error instanceof Error && (error.name === 'StoreOpenError' || error.name === 'SettingsFileError')) {
		return error.message;
	}

	return describeSalesforceError(error).message;
}

/**
 * Opens everything a run of the app or of a command needs, in the data folder: settings, the store
 * (migrated), and the org connection (starting the demo org in this process when it is the target).
 */
export async function openSession(target: OrgTarget, env: NodeJS.ProcessEnv = process.env): Promise<Session> {
	const home = resolveAppHome(env);
	ensureAppHome(home);
	const settings = openSettings(home.home);
	const store = openStore(home.databaseFile);
	let demoOrg: DemoOrg | undefined;
	try {
		let demoPeopleSeeded = 0;
		let connection: Connection;
		if (target.kind === 'demo') {
			// Loaded only when used: its fake-data generator is a quarter of the app's memory before any user.
			const {demoOrgDefaults, startDemoOrg} = await import('./demo-org/demo-org.js');
			demoOrg = await startDemoOrg({users: target.users ?? demoOrgDefaults.users, seed: target.seed ?? demoOrgDefaults.seed});
			connection = openConnection({instanceUrl: demoOrg.instanceUrl, accessToken: demoOrg.accessToken});
			// The demo org's default seed is fixed, so people seeded on a first run keep matching it on the next.
			demoPeopleSeeded = seedDemoPeople(store, demoOrg.users);
		} else {
			connection = openConnection({instanceUrl: target.instanceUrl, accessToken: target.accessToken});
		}

		const services: AppServices = {
			org: {instanceUrl: connection.instanceUrl, isDemo: target.kind === 'demo'},
			operator: currentOperator(),
			dataFolder: home.home,
			demoPeopleSeeded,
			async fetchUsers(onBatch, signal) {
				await fetchSalesforceUsers(connection, {onBatch, signal});
			},
			fetchOverview: async () => fetchOrgOverview(connection),
			loadImportContext: () => loadImportContext(store),
			async importUsers(users, onProgress) {
				const result = await runImport(store, users, {operator: currentOperator(), mode: 'manual', onProgress});
				return {runId: result.runId, counts: result.plan.counts, outcomes: result.plan.entries};
			},
			lastAutomaticSync() {
				const [run] = listImportRuns(store, {limit: 1, mode: 'auto'});
				return run
					? {startedAt: run.startedAt, status: run.status, created: run.createdCount, mapped: run.mappedCount, skipped: run.skippedCount, error: run.error}
					: undefined;
			},
			readSettings: (): AppSettingsValues => ({
				autoSync: settings.get('autoSync'),
				pageSize: settings.get('pageSize'),
				showAllUsers: settings.get('showAllUsers'),
			}),
			writeSetting(key, value) {
				settings.set(key, value);
			},
			describeError,
		};

		return {
			services,
			home,
			store,
			settings,
			connection,
			async close() {
				store.close();
				await demoOrg?.close();
			},
		};
	} catch (error: unknown) {
		store.close();
		await demoOrg?.close();
		throw error;
	}
}
