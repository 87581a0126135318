import {ensureAppHome, resolveAppHome} from '../app-home.js';
import type {AdminAction} from '../core/admin-policy.js';
import {resolveOperator} from '../operator-identity.js';
import {directoryPorts} from '../run-ports.js';
import type {Store} from '../store/database.js';
import {openStore} from '../store/database.js';

export {notAdminExitCode} from './exit-codes.js';

/** Rejects with a NotAdminError unless whoever runs this command may do `action` on the store: the app's one guard. */
export async function requireAdminIn(store: Store, dataFolder: string, action: AdminAction): Promise<void> {
	await directoryPorts(store, resolveOperator(dataFolder)).guard.require(action);
}

/** The same, for a command that has not opened the store (connect, disconnect, settings). */
export async function requireAdmin(action: AdminAction): Promise<void> {
	const home = resolveAppHome();
	ensureAppHome(home);
	const store = openStore(home.databaseFile);
	try {
		await requireAdminIn(store, home.home, action);
	} finally {
		store.close();
	}
}
