import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {refusalFor, NotAdminError, type AdminAction} from '../core/admin-policy.js';
import {resolveOperator} from '../operator-identity.js';
import type {Store} from '../store/database.js';
import {openStore} from '../store/database.js';
import {operatorRights} from '../store/operator-rights.js';

export {notAdminExitCode} from './exit-codes.js';

/** Throws NotAdminError unless whoever runs this command may do `action` on the store. */
export function requireAdminIn(store: Store, dataFolder: string, action: AdminAction): void {
	const identity = resolveOperator(dataFolder);
	const rights = operatorRights(store, identity.login);
	const refusal = refusalFor(action, rights, identity.ownsDataFolder && !identity.fromEnvironment);
	if (refusal !== undefined) {
		throw new NotAdminError(refusal);
	}
}

/** The same, for a command that has not opened the store (connect, disconnect, settings). */
export function requireAdmin(action: AdminAction): void {
	const home = resolveAppHome();
	ensureAppHome(home);
	const store = openStore(home.databaseFile);
	try {
		requireAdminIn(store, home.home, action);
	} finally {
		store.close();
	}
}
