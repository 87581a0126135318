import {adminGuard} from './app/admin-guard.js';
import {directoryRights} from './app/admins.js';
import {systemClock} from './app/ports/clock.js';
import type {StorePorts} from './app/ports/store-ports.js';
import type {DirectoryStore} from './app/ports/directory-store.js';
import type {DirectoryPorts} from './app/directory-context.js';
import type {RunPorts} from './app/run-context.js';
import type {AppSettings} from './settings/settings.js';
import type {OperatorIdentity} from './operator-identity.js';
import type {Store} from './store/database.js';
import {sqliteDirectoryStore} from './store/sqlite-directory-store.js';
import {sqliteHistoryStore} from './store/sqlite-history-store.js';
import {sqliteRunStore} from './store/sqlite-run-store.js';

/** The store ports over one SQLite store: where TypeScript checks that the adapter fits the application's ports. */
export function sqliteStorePorts(store: Store): StorePorts {
	return {runs: sqliteRunStore(store), directory: sqliteDirectoryStore(store), history: sqliteHistoryStore(store)};
}

/** Who runs this process, as the admin rule sees them. SALESSCREEN_OPERATOR acts as another login, but never as the data folder's own account. */
export function operatorOf(identity: OperatorIdentity) {
	return {login: identity.login, runsAsDataFolderOwner: identity.ownsDataFolder && !identity.fromEnvironment};
}

/** The ports of the use cases that need no org: the store's, the settings, the clock, the operator and their guard. */
export function portsOver(storePorts: StorePorts, settings: AppSettings, identity: OperatorIdentity, describeError: (error: unknown) => string) {
	const operator = operatorOf(identity);
	return {
		...storePorts,
		store: storePorts.runs,
		settings,
		clock: systemClock,
		operator,
		guard: adminGuard(operator, directoryRights(storePorts.directory)),
		describeError,
	} satisfies Omit<RunPorts, 'salesforce'> & StorePorts;
}

/** The same over a SQLite store. */
export function storePorts(store: Store, settings: AppSettings, identity: OperatorIdentity, describeError: (error: unknown) => string) {
	return portsOver(sqliteStorePorts(store), settings, identity, describeError);
}

/** The ports of the people, teams, admins and manual-mapping use cases over a directory store: all a directory command needs. */
export function directoryPortsOver(directory: DirectoryStore, identity: OperatorIdentity): DirectoryPorts {
	const operator = operatorOf(identity);
	return {directory, clock: systemClock, operator, guard: adminGuard(operator, directoryRights(directory))};
}

/** The same over a SQLite store. */
export function directoryPorts(store: Store, identity: OperatorIdentity): DirectoryPorts {
	return directoryPortsOver(sqliteDirectoryStore(store), identity);
}
