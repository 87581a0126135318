import type {AdminGuard} from './admin-guard.js';
import type {Clock} from './ports/clock.js';
import type {Operator} from './ports/operator.js';
import type {RunStore} from './ports/run-store.js';
import type {SalesforceDirectory} from './ports/salesforce-directory.js';
import type {SettingsReader} from './ports/settings-port.js';

/** What the run use cases (import, sync, undo) are given: ports only. */
export type RunPorts = {
	store: RunStore;
	/** The connected org. */
	salesforce: SalesforceDirectory;
	settings: SettingsReader;
	clock: Clock;
	operator: Operator;
	guard: AdminGuard;
	/** One sentence for any error a port threw (a Salesforce failure, say), for a failed run's record. */
	describeError: (error: unknown) => string;
};

/** Told what a run is doing while it cannot yet do it, and how far it got once it can. */
export type RunListeners = {
	onWait?: (message: string) => void;
	onProgress?: (progress: {done: number; total: number}) => void;
	signal?: AbortSignal;
	/** Plan entries written between two looks at the event loop (and two progress reports). */
	chunkSize?: number;
	/** The admin said that this store takes this org's users although it holds another org's people. */
	switchOrg?: boolean;
};

export function writeWait(ports: Pick<RunPorts, 'settings'>, listeners: RunListeners) {
	return {
		maxWaitMs: ports.settings.get('writeWaitSeconds') * 1000,
		onWait: listeners.onWait ? ({message}: {message: string}) => listeners.onWait!(message) : undefined,
		signal: listeners.signal,
	};
}
