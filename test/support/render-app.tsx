import path from 'node:path';
import {render} from 'ink-testing-library';
import React from 'react';
import {onTestFinished} from 'vitest';
import type {AppServices, OrgOverview} from '../../source/app/app-services.js';
import {assembleAppServices} from '../../source/app/assemble-app-services.js';
import {connectOrg} from '../../source/app/connect-org.js';
import {appUseCases} from '../../source/app/run-use-cases.js';
import type {SalesforceUser} from '../../source/core/salesforce-user.js';
import {isListedByDefault} from '../../source/core/salesforce-user.js';
import {storePorts} from '../../source/run-ports.js';
import {describeError} from '../../source/session.js';
import {openSettings} from '../../source/settings/settings.js';
import {openStore, type Store} from '../../source/store/database.js';
import {App} from '../../source/ui/app.js';
import type {TerminalSize} from '../../source/ui/hooks/use-terminal-size.js';
import {inkDriver} from './ink-driver.js';
import {listedOrg} from './app-ports.js';
import {makeTempHome} from './temp-home.js';

export type TestServicesOptions = {
	/** The org's users, listed at once (default none). */
	users?: readonly SalesforceUser[];
	/** The OS login the app runs as (default alice); the store's admin rule decides what it may do. */
	operator?: string;
	/** Whether the connected user may list the org's users (default yes). */
	mayListUsers?: boolean;
	/** How the store in use is named (default the temporary SQLite file); the store itself is SQLite either way. */
	store?: {name: string; shared: boolean};
};

export type TestServices = {services: AppServices; store: Store; home: string};

const orgId = '00D000000000001AAA';

/**
 * The app's services over the real app layer, a SQLite store and a settings file in a temporary folder,
 * with the org's users held in memory: a screen or a dialog is tested with everything the app does with
 * the store, without an org over HTTP. Connecting another org is refused. Removed when the test ends.
 */
export function testServices(options: TestServicesOptions = {}): TestServices {
	const temp = makeTempHome();
	const store = openStore(path.join(temp.home, 'salesscreen.db'));
	onTestFinished(() => {
		store.close();
		temp.remove();
	});
	const settings = openSettings(temp.home);
	const identity = {login: options.operator ?? 'alice', ownsDataFolder: true, fromEnvironment: false};
	const users = options.users ?? [];
	const directory = listedOrg({users, orgId, mayListUsers: options.mayListUsers});
	const ports = {...storePorts(store, settings, identity, describeError), salesforce: directory};
	const app = appUseCases(ports);
	const instanceUrl = 'https://acme.my.salesforce.com';
	const overview = async (): Promise<OrgOverview> => ({
		orgId,
		orgName: 'Acme',
		isSandbox: false,
		instanceUrl,
		userId: '005000000000001AAA',
		username: 'admin@acme.com',
		displayName: 'Acme Admin',
		adminRights: await directory.connectedUserRights(),
		apiUsage: undefined,
		checkedAt: new Date(),
	});
	const services = assembleAppServices(
		app,
		settings,
		{
			org: {instanceUrl, isDemo: false, source: 'flags', method: 'token'},
			async fetchUsers(onBatch, _signal, _onRetry, part = 'importable') {
				const listed = part === 'importable' ? users.filter((user) => isListedByDefault(user)) : part === 'rest' ? users.filter((user) => !isListedByDefault(user)) : users;
				onBatch([...listed], {loaded: listed.length, total: listed.length});
			},
			fetchOverview: overview,
			fetchActivityOwners: async () => new Set(),
			lastSuccessfulCall: () => undefined,
			onOrgChange: () => () => undefined,
			connections: connectOrg({
				guard: ports.guard,
				login: {
					async requestDeviceCode() {
						throw new Error('This test has no org to connect to.');
					},
					async pollDeviceLogin() {
						throw new Error('This test has no org to connect to.');
					},
					async connectAndSave() {
						throw new Error('This test has no org to connect to.');
					},
					forgetSaved: async () => true,
				},
			}),
			knownSandbox: () => false,
			describeError,
			needsReconnect: () => false,
		},
		{operator: identity.login, dataFolder: temp.home, store: options.store ?? {name: `SQLite ${path.join(temp.home, 'salesscreen.db')}`, shared: false}, demoPeopleSeeded: 0},
	);
	return {services, store, home: temp.home};
}

/** The whole app over these services, at this size, driven as a person would; unmounted when the test ends. */
export function renderApp({services, size = {columns: 120, rows: 34}}: {services: AppServices; size?: TerminalSize}) {
	const rendered = render(<App services={services} size={size} />);
	onTestFinished(() => {
		rendered.unmount();
	});
	return {rendered, driver: inkDriver(rendered)};
}
