import type {Connection} from 'jsforce';
import {formatCount} from './core/number-format.js';
import {ensureAppHome, resolveAppHome, type AppHome} from './app-home.js';
import {startDemoOrgProcess, type DemoOrgProcess} from './demo-org-process.js';
import {connectionFromSaved, establishConnection, revokeSavedConnection} from './org-connection.js';
import {connectOrg} from './app/connect-org.js';
import type {OrgLogin} from './app/ports/org-connections.js';
import {appUseCases, type AppUseCases} from './app/run-use-cases.js';
import type {TokenResponse} from './salesforce/token-endpoint.js';
import {openConnection} from './salesforce/connection.js';
import {pollDeviceToken, requestDeviceCode} from './salesforce/device-login.js';
import {fetchOrgOverview} from './salesforce/org-overview.js';
import {classifySalesforceError, reconnectCodes} from './salesforce/salesforce-error-class.js';
import {describeSalesforceError} from './salesforce/salesforce-error.js';
import {fetchActivityOwners, fetchSalesforceUsers} from './salesforce/user-source.js';
import {bulkThresholdFromEnvironment} from './salesforce/bulk-threshold.js';
import {openConnectionFile, type ConnectionFile} from './settings/saved-connection.js';
import {openSettings, type AppSettings} from './settings/settings.js';
import type {Store} from './store/database.js';
import {openChosenStore, type ChosenStore} from './chosen-store.js';
import type {OrgIdentity} from './core/org-switch.js';
import {fetchOrganizationFacts} from './salesforce/organization-query.js';
import {resolveOperator} from './operator-identity.js';
import {UserFacingError} from './core/user-facing-error.js';
import type {SalesforceDirectory} from './app/ports/salesforce-directory.js';
import {portsOver} from './run-ports.js';
import type {AppServices, OrgDescription} from './app/app-services.js';
import {assembleAppServices, type OrgServices} from './app/assemble-app-services.js';

/**
 * Which org to talk to: the connection saved by `salesscreen connect` (`saved-or-demo`, for the app: the
 * built-in demo org when there is none; `saved`, for headless commands: the demo org only for a store the
 * demo started, else NoOrgConnectedError), the demo org on purpose, or a real one given by an access token
 * for this run only.
 */
export type OrgTarget =
	| {kind: 'saved-or-demo'}
	| {kind: 'saved'}
	| {kind: 'demo'; users?: number; seed?: number}
	| {kind: 'token'; instanceUrl: string; accessToken: string};

export type Session = {
	services: AppServices;
	home: AppHome;
	/** The store in use, SQLite or PostgreSQL. */
	chosenStore: ChosenStore;
	/** The SQLite store, when that is the one in use (undefined on PostgreSQL). */
	store: Store | undefined;
	settings: AppSettings;
	/** The use cases (import, sync, undo, people, teams, history, …), over this session's store, org and settings. */
	app: AppUseCases;
	/** The org connection in use now; it changes when the admin connects another org from the app. */
	readonly connection: Connection;
	/** Which org that is (asked once per org) and whether it is a sandbox. */
	orgFacts: () => Promise<{identity: OrgIdentity; isSandbox: boolean}>;
	close: () => Promise<void>;
};

/** A headless command found no usable saved connection, and the store was not started by the demo org. */
export class NoOrgConnectedError extends UserFacingError {
	override name = 'NoOrgConnectedError';
	constructor(detail?: string) {
		super(
			`No Salesforce org is connected${detail ? ` (${detail})` : ''}; run \`salesscreen connect device|jwt|token\` (salesscreen connect --help), or give --demo-users N to try the built-in demo org on purpose.`,
		);
	}
}

/** One sentence for any error this program can meet, with what to do where we know. */
export function describeError(error: unknown): string {
	if (error instanceof UserFacingError) {
		return error.message;
	}

	return describeSalesforceError(error).message;
}

type ActiveOrg = {connection: Connection; description: OrgDescription; demoOrg?: DemoOrgProcess};

/** How a session starts the demo org; the app's is startDemoOrgProcess. */
export type StartDemoOrg = (options: {users?: number; seed?: number}) => Promise<DemoOrgProcess>;

export type SessionOptions = {
	/**
	 * Starts the demo org (default: a process of its own, startDemoOrgProcess). Screen tests hand in one
	 * that gives every session of a test file the same running org, so they pay its start-up once.
	 */
	startDemoOrg?: StartDemoOrg;
};

async function startDemo(store: ChosenStore, start: StartDemoOrg, users?: number, seed?: number): Promise<ActiveOrg & {demoPeopleSeeded: number}> {
	// In a process of its own: its fake-data generator and SOQL engine never load into the app.
	const demoOrg = await start({users, seed});
	try {
		const connection = openConnection({instanceUrl: demoOrg.instanceUrl, accessToken: demoOrg.accessToken, refreshToken: demoOrg.refreshToken, clientId: demoOrg.clientId});
		// The demo org's default seed is fixed, so people seeded on a first run keep matching it on the next.
		// An empty store the demo starts says so: then, and only then, a headless command may use the demo unasked.
		const demoPeopleSeeded = await store.startOnDemo(demoOrg.seedUsers, {users, seed});
		return {connection, demoOrg, demoPeopleSeeded, description: {instanceUrl: demoOrg.instanceUrl, isDemo: true, source: 'demo'}};
	} catch (error: unknown) {
		await demoOrg.close();
		throw error;
	}
}

function savedOrg(file: ConnectionFile): ActiveOrg | undefined {
	const saved = file.read();
	if (saved === undefined) {
		return undefined;
	}

	return {
		connection: connectionFromSaved(saved, file),
		description: {
			instanceUrl: saved.instanceUrl,
			isDemo: false,
			source: 'saved',
			method: saved.method,
			loginUrl: saved.method === 'token' ? undefined : saved.loginUrl,
			username: saved.username,
			connectedAt: saved.connectedAt,
		},
	};
}

/**
 * Opens everything a run of the app or of a command needs, in the data folder: settings, the store
 * (migrated), and the org connection (starting the demo org, in a process of its own, when it is the target).
 */
export async function openSession(target: OrgTarget, env: NodeJS.ProcessEnv = process.env, options: SessionOptions = {}): Promise<Session> {
	const startDemoOrg = options.startDemoOrg ?? startDemoOrgProcess;
	// Read before anything opens, so a mistyped value stops the run at once.
	const bulkThreshold = bulkThresholdFromEnvironment(env);
	const home = resolveAppHome(env);
	ensureAppHome(home);
	const settings = openSettings(home.home);
	const store = await openChosenStore(home, env);
	let connectionFile: ConnectionFile | undefined;
	const savedConnections = () => {
		connectionFile ??= openConnectionFile(home.home);
		return connectionFile;
	};

	let active: ActiveOrg | undefined;
	let demoPeopleSeeded = 0;
	try {
		if (target.kind === 'token') {
			active = {
				connection: openConnection({instanceUrl: target.instanceUrl, accessToken: target.accessToken}),
				description: {instanceUrl: target.instanceUrl, isDemo: false, source: 'flags', method: 'token'},
			};
		} else if (target.kind === 'saved-or-demo' || target.kind === 'saved') {
			active = savedOrg(savedConnections());
		}

		let demoSize = target.kind === 'demo' ? {users: target.users, seed: target.seed} : {};
		if (active === undefined && target.kind === 'saved') {
			// A headless run never falls back to made-up users, unless this store is the demo's own.
			const origin = await store.origin();
			if (!origin.createdOnDemo || (origin.org !== undefined && !origin.org.isDemo)) {
				throw new NoOrgConnectedError();
			}

			demoSize = {users: origin.demo?.users ?? undefined, seed: origin.demo?.seed ?? undefined};
		}

		if (active === undefined) {
			const demo = await startDemo(store, startDemoOrg, demoSize.users, demoSize.seed);
			demoPeopleSeeded = demo.demoPeopleSeeded;
			active = demo;
		}
	} catch (error: unknown) {
		await store.close();
		throw error;
	}

	let current: ActiveOrg = active;
	let lastSuccessfulCall: Date | undefined;
	const listeners = new Set<() => void>();
	const succeeded = () => {
		lastSuccessfulCall = new Date();
	};

	// Which org is in use and whether it is a sandbox (its emails end in .invalid); asked once per org, or learnt from Overview.
	let knownSandbox: boolean | undefined;
	let orgFacts: Promise<{identity: OrgIdentity; isSandbox: boolean}> | undefined;
	const currentOrgFacts = async () => {
		const org = current;
		orgFacts ??= fetchOrganizationFacts(org.connection).then(
			(facts) => ({identity: {orgId: facts.orgId, isDemo: org.description.isDemo, instanceUrl: org.description.instanceUrl}, isSandbox: facts.isSandbox}),
			(error: unknown) => {
				orgFacts = undefined;
				throw error;
			},
		);
		const facts = await orgFacts;
		knownSandbox = facts.isSandbox;
		return facts;
	};

	const switchTo = async (next: ActiveOrg) => {
		const previous = current;
		current = next;
		lastSuccessfulCall = undefined;
		knownSandbox = undefined;
		orgFacts = undefined;
		for (const listener of listeners) {
			listener();
		}

		await previous.demoOrg?.close();
	};

	const identity = resolveOperator(home.home, env);
	const operator = identity.login;

	const directory: SalesforceDirectory = {
		async listUsers(options = {}) {
			return fetchSalesforceUsers(current.connection, {
				bulkThreshold,
				...options,
				onBatch(batch, progress) {
					succeeded();
					options.onBatch?.(batch, progress);
				},
			});
		},
		async activityOwners(activity, options = {}) {
			const owners = await fetchActivityOwners(current.connection, activity, options);
			succeeded();
			return owners;
		},
		organizationFacts: currentOrgFacts,
		async connectedUserRights() {
			const overview = await fetchOrgOverview(current.connection);
			succeeded();
			return overview.adminRights;
		},
	};
	const ports = {...portsOver(store.ports, settings, identity, describeError), salesforce: directory};
	const app = appUseCases(ports);

	const orgLogin: OrgLogin<TokenResponse> = {
		requestDeviceCode,
		pollDeviceLogin: pollDeviceToken,
		async connectAndSave(request) {
			const established = await establishConnection(request);
			const file = savedConnections();
			file.save(established.saved);
			// Reopened from what was saved, so renewals from now on are written back to the file.
			await switchTo(savedOrg(file)!);
			succeeded();
			return established.overview;
		},
		async forgetSaved() {
			const file = savedConnections();
			const saved = file.read();
			let revoked = true;
			if (saved) {
				revoked = await revokeSavedConnection(saved).then(
					() => true,
					() => false,
				);
				file.clear();
			}

			// The app goes on with the demo org.
			await switchTo(await startDemo(store, startDemoOrg));
			return revoked;
		},
	};

	const orgServices: OrgServices = {
		get org() {
			return current.description;
		},
		async fetchUsers(onBatch, signal, onRetry, part = 'importable', onNotice) {
			await fetchSalesforceUsers(current.connection, {
				part,
				bulkThreshold,
				onNotice,
				onBatch(batch, progress) {
					succeeded();
					onBatch(batch, progress);
				},
				onRetry,
				signal,
			});
		},
		async fetchActivityOwners(activity, signal) {
			const owners = await fetchActivityOwners(current.connection, activity, {signal});
			succeeded();
			return new Set(owners.map((user) => user.id));
		},
		async fetchOverview(onRetry) {
			const overview = await fetchOrgOverview(current.connection, {onRetry});
			succeeded();
			knownSandbox = overview.isSandbox;
			return overview;
		},
		lastSuccessfulCall: () => lastSuccessfulCall,
		onOrgChange(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		connections: connectOrg({guard: ports.guard, login: orgLogin}),
		knownSandbox: () => knownSandbox === true,
		describeError(error) {
			const message = describeError(error);
			const usage = current.connection.limitInfo.apiUsage;
			// Salesforce's own words give no numbers; the last Sforce-Limit-Info header does.
			return classifySalesforceError(error).code === 'REQUEST_LIMIT_EXCEEDED' && usage
				? `${message} Used: ${formatCount(usage.used)} of ${formatCount(usage.limit)} calls in the last 24 hours.`
				: message;
		},
		needsReconnect: (error) => reconnectCodes.has(classifySalesforceError(error).code),
	};
	const services = assembleAppServices(app, settings, orgServices, {operator, dataFolder: home.home, store: {name: store.name, shared: store.engine === 'postgres'}, demoPeopleSeeded});

	// The services that run a sync need the session they belong to.
	const self: Session = {
		services,
		home,
		chosenStore: store,
		store: store.sqlite,
		settings,
		app,
		get connection() {
			return current.connection;
		},
		orgFacts: currentOrgFacts,
		async close() {
			listeners.clear();
			await store.close();
			await current.demoOrg?.close();
		},
	};
	return self;
}
