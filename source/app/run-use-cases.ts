import {changeSetting} from './change-setting.js';
import type {DirectoryPorts} from './directory-context.js';
import {history} from './history.js';
import {importContextFor, importUsers} from './import-users.js';
import {manualMappings} from './manual-mappings.js';
import {people} from './people.js';
import type {HistoryStore} from './ports/history-store.js';
import type {SettingsStore, SettingsValues} from './ports/settings-port.js';
import type {RunListeners, RunPorts} from './run-context.js';
import {syncUsers, type SyncOptions} from './sync-users.js';
import {teams} from './teams.js';
import {undoLastRun} from './undo-last-run.js';

/** The use cases that write runs, over one set of ports: what the app, the commands and cron call. */
export function runUseCases(ports: RunPorts) {
	return {
		importUsers: importUsers(ports),
		syncUsers: async (options: SyncOptions) => syncUsers(ports, options),
		undoLastRun: async (listeners?: RunListeners) => undoLastRun(ports, listeners),
		guard: ports.guard,
	};
}

export type RunUseCases = ReturnType<typeof runUseCases>;

export type AppPorts = RunPorts & DirectoryPorts & {history: HistoryStore; settings: SettingsStore};

/** Every use case of the app over one set of ports: the runs, and people, teams, mappings, history, settings. */
export function appUseCases(ports: AppPorts) {
	const runs = runUseCases(ports);
	return {
		...runs,
		people: people(ports),
		teams: teams(ports),
		mappings: manualMappings(ports),
		history: history(ports, {
			undoLastRun: async () => runs.undoLastRun(),
			// Releasing a held sync is a sync confirmed past its safeguard.
			releaseHeldSync: async () => runs.syncUsers({dryRun: false, confirmHeld: true}),
		}),
		importContext: async (orgIsSandbox: boolean) => importContextFor(ports, orgIsSandbox),
		changeSetting: async <K extends keyof SettingsValues>(key: K, value: SettingsValues[K]) => changeSetting(ports, key, value),
	};
}

export type AppUseCases = ReturnType<typeof appUseCases>;
