import {createPublicKey, type KeyObject} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {BulkQueryJobs} from './bulk-query-jobs.js';
import {buildDemoDatabase} from './demo-database.js';
import {buildSalesActivity} from './sales-activity.js';
import {DemoOrgError} from './demo-org-error.js';
import type {DemoUserRecord} from './demo-user-record.js';
import {DeviceAuthorizations} from './device-authorizations.js';
import {FaultInjector, type ActiveFaults, type DemoOrgFaults} from './fault-injection.js';
import {generateDemoOrg} from './generate-users.js';
import {OAuthSessions} from './oauth-sessions.js';
import {unprivilegedUser} from './permission-sets.js';
import {QueryCursors} from './query-cursors.js';
import {idMinter, normaliseSalesforceId} from './salesforce-id.js';
import {demoOrgRequestHandler, type DemoOrgState} from './server.js';
import {loadUsersFile} from './users-file.js';

export type {DemoUserRecord} from './demo-user-record.js';
export type {ActiveFaults, DemoOrgFaults} from './fault-injection.js';
export {describeFaults} from './fault-injection.js';
export {DemoOrgError} from './demo-org-error.js';
export {UsersFileError} from './users-file.js';

export type DemoOrgOptions = {
	/** Port on 127.0.0.1; 0 (the default) takes any free port. */
	port?: number;
	/** How many users to generate (default 300). */
	users?: number;
	/** Seed of the generated users: the same seed and count give the same users. */
	seed?: number;
	/**
	 * Share (0 to 1) of the generated users that are customer and partner users of Experience Cloud sites
	 * (default 0): `users: 1_000_000, communityShare: 0.9` is an org of 100,000 people among 900,000 portal users.
	 */
	communityShare?: number;
	/** Serve the users of this JSON file instead of generating them (format: see users-file.ts). */
	usersFile?: string;
	/** Serve exactly these users instead of generating them. */
	records?: DemoUserRecord[];
	/** API calls allowed before REQUEST_LIMIT_EXCEEDED (default 100,000, an Enterprise Edition's base). */
	apiDailyLimit?: number;
	/** The org is a sandbox: Organization.IsSandbox is true (default false). */
	sandbox?: boolean;
	/** Access tokens older than this many seconds answer 401 INVALID_SESSION_ID (default: they never expire). */
	sessionLifetimeSeconds?: number;
	/** Each refresh answers a new refresh token and retires the old one (default false). */
	rotateRefreshTokens?: boolean;
	/** The connected app's certificate or public key (PEM) that JWT bearer assertions are verified with. */
	jwtPublicKey?: string;
	/** The device flow's polling interval in seconds (default 5); polling faster answers slow_down. */
	devicePollIntervalSeconds?: number;
	/** How long a device code can be approved and polled, in seconds (default 600). */
	deviceCodeLifetimeSeconds?: number;
	/** Failures to inject from the start; change them later with setFaults. */
	faults?: DemoOrgFaults;
	/** The clock sessions and device codes age by (default Date.now), so a test can let a second pass without waiting it. */
	now?: () => number;
};

export type ApproveDeviceOptions = {
	/** Approve as this user (an active one); the demo administrator when not given. */
	username?: string;
	/** Refuse the device instead: its next poll answers access_denied. */
	deny?: boolean;
};

export type DemoOrg = {
	/** `http://127.0.0.1:<port>`. */
	instanceUrl: string;
	accessToken: string;
	/** With clientId, lets a jsforce Connection renew an expired session (loginUrl = instanceUrl). */
	refreshToken: string;
	/** The connected app's consumer key: the same for the same seed, on every start. */
	clientId: string;
	/** The key of every token response's signature (HMAC-SHA256 of id + issued_at); random on each start. */
	clientSecret: string;
	orgId: string;
	orgName: string;
	/** The connected user: an active System Administrator when the org has one. */
	adminUserId: string;
	/** The connected user's Username, to approve the device flow as. */
	adminUsername: string;
	/**
	 * An active Standard user without Manage Users or View All Users (by profile or permission set), to
	 * approve the device flow as; empty when the org's users include none.
	 */
	nonAdminUsername: string;
	/** The users as stored; a sandbox serves their emails with `.invalid` appended. */
	users: readonly DemoUserRecord[];
	/** The faults in force now. */
	readonly faults: Readonly<ActiveFaults>;
	/** Changes the faults named, leaving the others as they are. */
	setFaults(faults: DemoOrgFaults): void;
	/** What a person does at /setup/connect: approve (or deny) the device showing this user code. */
	approveDevice(userCode: string, options?: ApproveDeviceOptions): void;
	/** Every access token issued so far stops working; refresh tokens still renew sessions. */
	expireSessions(): void;
	/** Every refresh token stops working (invalid_grant); open sessions run on. */
	revokeRefreshTokens(): void;
	/** Every SOQL statement the org was sent, oldest first: what a client asked for (queryMore not counted). */
	readonly queries: readonly string[];
	/**
	 * Changes a user as an admin would in Setup (deactivating them, say). Their SystemModstamp moves to now,
	 * and always past every earlier change, so an incremental sync sees the user again. Returns the record.
	 */
	updateUser(id: string, changes: DemoUserChanges): DemoUserRecord;
	close(): Promise<void>;
};

/** What updateUser may change. */
export type DemoUserChanges = Partial<
	Pick<DemoUserRecord, 'firstName' | 'lastName' | 'email' | 'isActive' | 'userType' | 'title' | 'department' | 'profileName' | 'roleName' | 'federationIdentifier' | 'managerId'>
>;

export const demoOrgDefaults = {users: 300, seed: 2024, apiDailyLimit: 100_000, devicePollIntervalSeconds: 5, deviceCodeLifetimeSeconds: 600};
const maximumSeconds = 366 * 24 * 60 * 60;
const maximumUsers = 1_000_000;

/**
 * Starts a local look-alike of a Salesforce org on 127.0.0.1 that unmodified jsforce can list users from:
 * REST query and queryMore, the identity URL, userinfo, the refresh-token grant, and Salesforce's errors.
 */
export async function startDemoOrg(options: DemoOrgOptions = {}): Promise<DemoOrg> {
	const port = options.port ?? 0;
	const seed = options.seed ?? demoOrgDefaults.seed;
	const count = options.users ?? demoOrgDefaults.users;
	const apiDailyLimit = options.apiDailyLimit ?? demoOrgDefaults.apiDailyLimit;
	checkWholeNumber('port', port, 0, 65_535);
	checkWholeNumber('users', count, 1, maximumUsers);
	checkWholeNumber('apiDailyLimit', apiDailyLimit, 1, Number.MAX_SAFE_INTEGER);
	const pollInterval = options.devicePollIntervalSeconds ?? demoOrgDefaults.devicePollIntervalSeconds;
	const deviceLifetime = options.deviceCodeLifetimeSeconds ?? demoOrgDefaults.deviceCodeLifetimeSeconds;
	checkWholeNumber('devicePollIntervalSeconds', pollInterval, 0, 3600);
	checkWholeNumber('deviceCodeLifetimeSeconds', deviceLifetime, 1, maximumSeconds);
	if (options.sessionLifetimeSeconds !== undefined) {
		checkWholeNumber('sessionLifetimeSeconds', options.sessionLifetimeSeconds, 1, maximumSeconds);
	}

	const communityShare = options.communityShare ?? 0;
	if (!(communityShare >= 0 && communityShare < 1)) {
		throw new DemoOrgError(`The demo org's community share must be a number from 0 to below 1, not ${communityShare}.`);
	}

	const jwtPublicKey = options.jwtPublicKey === undefined ? undefined : readPublicKey(options.jwtPublicKey);
	if (!Number.isFinite(seed)) {
		throw new DemoOrgError(`The demo org's seed must be a number, not ${seed}.`);
	}

	// Checked before any users are generated, which takes a while for a large org.
	const faults = new FaultInjector(seed, options.faults);

	if ([options.usersFile, options.records, options.users].filter((source) => source !== undefined).length > 1) {
		throw new DemoOrgError('Give the demo org its users one way: a number to generate, a users file, or records.');
	}

	const orgId = idMinter('00D', 'Dm', 4_000_000 + (Math.abs(Math.trunc(seed)) % 1_000_000))(0);
	let users: DemoUserRecord[];
	let orgName: string;
	let organizationCreated = '2019-01-01T00:00:00.000Z';
	if (options.usersFile !== undefined) {
		users = await loadUsersFile(options.usersFile);
		orgName = `Demo org (${path.basename(options.usersFile)})`;
	} else if (options.records !== undefined) {
		users = checkRecords(options.records);
		orgName = 'Demo org';
	} else {
		const generated = generateDemoOrg({count, seed, orgId, communityShare: options.communityShare});
		users = generated.users;
		orgName = generated.orgName;
		organizationCreated = generated.organizationCreated;
	}

	const connectedUser = pickConnectedUser(users);
	const usersById = new Map(users.map((user) => [user.id, user]));
	const sessions = new OAuthSessions({
		orgId,
		seed,
		connectedUser,
		sessionLifetimeSeconds: options.sessionLifetimeSeconds,
		rotateRefreshTokens: options.rotateRefreshTokens,
		findUser: (id) => usersById.get(id),
		now: options.now,
	});
	const devices = new DeviceAuthorizations({orgId, pollIntervalSeconds: pollInterval, lifetimeSeconds: deviceLifetime, now: options.now});
	// Built at the first login by username: a million usernames are not made before anyone asks.
	let usersByUsername: Map<string, DemoUserRecord> | undefined;
	const findUser = (username: string) => {
		if (usersByUsername === undefined) {
			usersByUsername = new Map();
			for (const user of users) {
				// Salesforce usernames are unique and case-insensitive at login.
				if (!usersByUsername.has(user.username.toLowerCase())) {
					usersByUsername.set(user.username.toLowerCase(), user);
				}
			}
		}

		return usersByUsername.get(username.trim().toLowerCase());
	};
	const approveDevice = (userCode: string, approval: ApproveDeviceOptions = {}): {username: string} | undefined => {
		if (approval.deny) {
			devices.decide(userCode, 'deny');
			return undefined;
		}

		const user = approval.username === undefined ? connectedUser : findUser(approval.username);
		if (!user) {
			throw new DemoOrgError(`No user of the demo org has the username "${approval.username}".`);
		}

		if (!user.isActive) {
			throw new DemoOrgError(`${user.username} is inactive; only an active user can approve a device.`);
		}

		devices.decide(userCode, {user});
		return {username: user.username};
	};

	const state: DemoOrgState = {
		orgId,
		instanceUrl: '',
		usersById,
		findUser,
		database: buildDemoDatabase({id: orgId, name: orgName, createdDate: organizationCreated, isSandbox: options.sandbox === true}, users, {
			instanceUrl: () => state.instanceUrl,
			userById: (id) => usersById.get(id),
			extraTables: (userTable) => buildSalesActivity(userTable, orgId.slice(3, 5), Date.now()),
		}),
		sessions,
		devices,
		decideDevice: approveDevice,
		jwtPublicKey,
		faults,
		cursors: new QueryCursors(),
		apiUsage: {used: 0, max: apiDailyLimit},
		queryLog: [],
		bulkJobs: new BulkQueryJobs(),
		organizationCreated,
	};
	let lastModstamp = 0;

	const server = createServer(demoOrgRequestHandler(state));
	await listen(server, port);
	state.instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	let closing: Promise<void> | undefined;
	return {
		instanceUrl: state.instanceUrl,
		accessToken: sessions.accessToken,
		refreshToken: sessions.refreshToken,
		clientId: sessions.clientId,
		clientSecret: sessions.clientSecret,
		orgId,
		orgName,
		adminUserId: connectedUser.id,
		adminUsername: connectedUser.username,
		nonAdminUsername: unprivilegedUser(users)?.username ?? '',
		users,
		get faults() {
			return {...faults.current};
		},
		setFaults(partial) {
			faults.set(partial);
		},
		approveDevice(userCode, approval) {
			approveDevice(userCode, approval);
		},
		expireSessions() {
			sessions.expireSessions();
		},
		revokeRefreshTokens() {
			sessions.revokeRefreshTokens();
		},
		get queries() {
			return [...state.queryLog];
		},
		updateUser(id, changes) {
			const record = usersById.get(normaliseSalesforceId(id) ?? id);
			if (!record) {
				throw new DemoOrgError(`No user of the demo org has the id ${id}.`);
			}

			// Salesforce's SystemModstamp has whole seconds; each change lands at least a second after the last.
			lastModstamp = Math.max(Math.floor(Date.now() / 1000) * 1000, lastModstamp + 1000);
			// The server's tables read these very records, so the change is served from the next query on.
			Object.assign(record, changes, {systemModstamp: new Date(lastModstamp).toISOString()});
			return record;
		},
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => {
					resolve();
				});
				// Keep-alive sockets would hold close() open until they time out.
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

function readPublicKey(pem: string): KeyObject {
	try {
		const key = createPublicKey(pem);
		if (key.asymmetricKeyType !== 'rsa') {
			throw new DemoOrgError(`The demo org's jwtPublicKey must be an RSA key (JWTs are signed RS256), not ${key.asymmetricKeyType}.`);
		}

		return key;
	} catch (error: unknown) {
		if (error instanceof DemoOrgError) {
			throw error;
		}

		throw new DemoOrgError("The demo org's jwtPublicKey is not a PEM public key or certificate (-----BEGIN PUBLIC KEY----- or -----BEGIN CERTIFICATE-----).");
	}
}

function checkWholeNumber(name: string, value: number, minimum: number, maximum: number): void {
	if (!Number.isInteger(value) || value < minimum || value > maximum) {
		throw new DemoOrgError(`The demo org's ${name} must be a whole number from ${minimum} to ${maximum.toLocaleString('en-US')}, not ${value}.`);
	}
}

/** Records given in code get the checks a users file gets that matter to the server: valid, unique ids. */
function checkRecords(records: readonly DemoUserRecord[]): DemoUserRecord[] {
	if (records.length === 0) {
		throw new DemoOrgError('The demo org needs at least one user to connect as.');
	}

	const seen = new Set<string>();
	return records.map((record, index) => {
		const id = normaliseSalesforceId(record.id);
		if (id === null || !id.startsWith('005')) {
			throw new DemoOrgError(`Demo org record ${index}: id "${record.id}" is not a 15- or 18-character User id starting with 005.`);
		}

		if (seen.has(id)) {
			throw new DemoOrgError(`Demo org record ${index}: id ${id} is used by an earlier record; ids must be unique.`);
		}

		seen.add(id);
		return id === record.id ? record : {...record, id};
	});
}

/** Tokens belong to an active System Administrator, or failing that to the first active Standard user. */
function pickConnectedUser(users: readonly DemoUserRecord[]): DemoUserRecord {
	const active = users.filter((user) => user.isActive);
	const user =
		active.find((candidate) => candidate.profileName === 'System Administrator' && candidate.userType === 'Standard') ??
		active.find((candidate) => candidate.userType === 'Standard');
	if (!user) {
		throw new DemoOrgError('The demo org needs an active Standard user to connect as; none of its users is one.');
	}

	return user;
}

async function listen(server: Server, port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const fail = (error: NodeJS.ErrnoException) => {
			if (error.code === 'EADDRINUSE') {
				reject(new DemoOrgError(`Port ${port} on 127.0.0.1 is already in use: choose another, or 0 for any free port.`));
			} else if (error.code === 'EACCES') {
				reject(new DemoOrgError(`Port ${port} needs privileges this user does not have: choose one above 1023, or 0 for any free port.`));
			} else {
				reject(error);
			}
		};

		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', fail);
			resolve();
		});
	});
}
