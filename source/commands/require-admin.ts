import {ensureAppHome, resolveAppHome} from '../app-home.js';
import type {AdminAction} from '../core/admin-policy.js';
import {resolveOperator} from '../operator-identity.js';
import {withChosenStore} from '../chosen-store.js';
import {directoryPorts, directoryPortsOver} from '../run-ports.js';
import type {Store} from '../store/database.js';
import {openStore} from '../store/database.js';

export {notAdminExitCode} from './exit-codes.js';

/** Rejects with a NotAdminError unless whoever runs this command may do `action` on the store: the app's one guard. */
export async function requireAdminIn(store: Store, dataFolder: string, action: AdminAction): Promise<void> {
	await directoryPorts(store, resolveOperator(dataFolder)).guard.require(action);
}

/** The same, for a command that has not opened the store (connect, disconnect, settings): on the store in use, SQLite or PostgreSQL. */
export async function requireAdmin(action: AdminAction): Promise<void> {
	const home = resolveAppHome();
	ensureAppHome(home);
	await withChosenStore(home, async (store) => directoryPortsOver(store.ports.directory, resolveOperator(home.home)).guard.require(action));
}

/**
 * The same on the SQLite file whatever store is chosen: for the db commands, which must work when the
 * chosen PostgreSQL server is down (db use sqlite is the way back to the file).
 */
export async function requireAdminOnSqliteFile(action: AdminAction): Promise<void> {
	const home = resolveAppHome();
	ensureAppHome(home);
	const store = openStore(home.databaseFile);
	try {
		await requireAdminIn(store, home.home, action);
	} finally {
		store.close();
	}
}
