import {adminGuard} from './app/admin-guard.js';
import {systemClock} from './app/ports/clock.js';
import type {RunPorts} from './app/run-context.js';
import type {AppSettings} from './settings/settings.js';
import type {OperatorIdentity} from './operator-identity.js';
import type {Store} from './store/database.js';
import {operatorRights} from './store/operator-rights.js';
import {sqliteRunStore} from './store/sqlite-run-store.js';

/** The ports of the run use cases that need no org (undo): the SQLite store, the settings, the clock, the operator. */
export function storePorts(store: Store, settings: AppSettings, identity: OperatorIdentity, describeError: (error: unknown) => string): Omit<RunPorts, 'directory'> {
	// SALESSCREEN_OPERATOR acts as another login, but never as the data folder's own account.
	const operator = {login: identity.login, runsAsDataFolderOwner: identity.ownsDataFolder && !identity.fromEnvironment};
	return {
		store: sqliteRunStore(store),
		settings,
		clock: systemClock,
		operator,
		guard: adminGuard(operator, async (login) => operatorRights(store, login)),
		describeError,
	};
}
