import path from 'node:path';
import type {DirectoryPorts} from '../../source/app/directory-context.js';
import {importUsers} from '../../source/app/import-users.js';
import type {SalesforceDirectory} from '../../source/app/ports/salesforce-directory.js';
import type {SettingsValues} from '../../source/app/ports/settings-port.js';
import type {RunListeners, RunPorts} from '../../source/app/run-context.js';
import {undoLastRun as undoUseCase} from '../../source/app/undo-last-run.js';
import {countEntries} from '../../source/core/import-plan.js';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';
import {directoryPorts, storePorts} from '../../source/run-ports.js';
import {describeError} from '../../source/session.js';
import {openSettings} from '../../source/settings/settings.js';
import type {Store} from '../../source/store/database.js';

export type ListedOrgOptions = {users?: readonly SalesforceUser[]; isSandbox?: boolean; orgId?: string; mayListUsers?: boolean};

/**
 * The Salesforce directory port over users held in memory: for use-case tests that are about the store and
 * the rules, not about talking to Salesforce (those run against the demo org over HTTP).
 */
export function listedOrg(options: ListedOrgOptions = {}): SalesforceDirectory {
	return {
		listUsers: async () => [...(options.users ?? [])],
		activityOwners: async () => [],
		organizationFacts: async () => ({identity: {orgId: options.orgId ?? '00D000000000001AAA', isDemo: false, instanceUrl: 'https://acme.my.salesforce.com'}, isSandbox: options.isSandbox === true}),
		connectedUserRights: async () =>
			options.mayListUsers === false
				? {authorized: false, manageUsers: false, viewAllUsers: false, grantedBy: [], reason: 'The connected Salesforce user test@acme.com has neither "Manage Users" nor "View All Users".'}
				: {authorized: true, manageUsers: true, viewAllUsers: false, grantedBy: ['profile System Administrator']},
	};
}

export type PortOptions = {operator?: string; cron?: boolean; org?: ListedOrgOptions; settings?: Partial<SettingsValues>};

/** The run use cases' ports over a real SQLite store and a real settings file beside it. */
export function appPorts(store: Store, options: PortOptions = {}): RunPorts {
	const settings = openSettings(path.dirname(store.file));
	for (const [key, value] of Object.entries(options.settings ?? {})) {
		settings.set(key as keyof SettingsValues, value as never);
	}

	const identity = {login: options.operator ?? 'alice', ownsDataFolder: options.cron === true, fromEnvironment: false};
	return {...storePorts(store, settings, identity, describeError), salesforce: listedOrg(options.org)};
}

export type ImportOptions = {operator?: string; rules?: {orgIsSandbox?: boolean; matchFederationId?: boolean; fillOnMap?: SettingsValues['fillOnMap']}} & RunListeners;

/** Import users, the use case, as the Users tab calls it: these users, already listed. */
export async function runImport(store: Store, users: readonly SalesforceUser[], options: ImportOptions = {}) {
	const {rules = {}, operator, ...listeners} = options;
	const ports = appPorts(store, {
		operator,
		org: {isSandbox: rules.orgIsSandbox},
		settings: {...(rules.matchFederationId === undefined ? {} : {matchFederationId: rules.matchFederationId}), ...(rules.fillOnMap === undefined ? {} : {fillOnMap: rules.fillOnMap})},
	});
	const report = await importUsers(ports).run(users, listeners);
	return {runId: report.runId!, plan: {entries: report.entries, counts: countEntries(report.entries)}, teams: report.teams};
}

export async function undoLastRun(store: Store, operator = 'alice') {
	return undoUseCase(appPorts(store, {operator}));
}

/** The people, teams, admins and manual-mapping use cases' ports over a SQLite store, acting as this OS login. */
export function directoryAs(store: Store, login = 'alice'): DirectoryPorts {
	return directoryPorts(store, {login, ownsDataFolder: false, fromEnvironment: false});
}
