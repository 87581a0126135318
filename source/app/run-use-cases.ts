import {importUsers} from './import-users.js';
import type {RunListeners, RunPorts} from './run-context.js';
import {syncUsers, type SyncOptions} from './sync-users.js';
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
