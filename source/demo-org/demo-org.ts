import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {buildDemoDatabase} from './demo-database.js';
import type {DemoUserRecord} from './demo-user-record.js';
import {generateDemoOrg} from './generate-users.js';
import {OAuthSessions} from './oauth-sessions.js';
import {QueryCursors} from './query-cursors.js';
import {idMinter, normaliseSalesforceId} from './salesforce-id.js';
import {demoOrgRequestHandler, type DemoOrgState} from './server.js';
import {loadUsersFile} from './users-file.js';

export type {DemoUserRecord} from './demo-user-record.js';
export {UsersFileError} from './users-file.js';

export type DemoOrgOptions = {
	/** Port on 127.0.0.1; 0 (the default) takes any free port. */
	port?: number;
	/** How many users to generate (default 300). */
	users?: number;
	/** Seed of the generated users: the same seed and count give the same users. */
	seed?: number;
	/** Serve the users of this JSON file instead of generating them (format: see users-file.ts). */
	usersFile?: string;
	/** Serve exactly these users instead of generating them. */
	records?: DemoUserRecord[];
	/** API calls allowed before REQUEST_LIMIT_EXCEEDED (default 100,000, an Enterprise Edition's base). */
	apiDailyLimit?: number;
};

export type DemoOrg = {
	/** `http://127.0.0.1:<port>`. */
	instanceUrl: string;
	accessToken: string;
	/** With clientId, lets a jsforce Connection renew an expired session (loginUrl = instanceUrl). */
	refreshToken: string;
	clientId: string;
	orgId: string;
	orgName: string;
	/** The connected user: an active System Administrator when the org has one. */
	adminUserId: string;
	users: readonly DemoUserRecord[];
	close(): Promise<void>;
};

/** Problems with how the demo org was asked to start (options, port). */
export class DemoOrgError extends Error {
	override name = 'DemoOrgError';
}

export const demoOrgDefaults = {users: 300, seed: 2024, apiDailyLimit: 100_000};
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
	if (!Number.isFinite(seed)) {
		throw new DemoOrgError(`The demo org's seed must be a number, not ${seed}.`);
	}

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
		const generated = generateDemoOrg({count, seed, orgId});
		users = generated.users;
		orgName = generated.orgName;
		organizationCreated = generated.organizationCreated;
	}

	const connectedUser = pickConnectedUser(users);
	const sessions = new OAuthSessions(orgId);
	const accessToken = sessions.issueAccessToken();
	const state: DemoOrgState = {
		orgId,
		instanceUrl: '',
		connectedUser,
		usersById: new Map(users.map((user) => [user.id, user])),
		database: buildDemoDatabase({id: orgId, name: orgName, createdDate: organizationCreated}, users),
		sessions,
		cursors: new QueryCursors(),
		apiUsage: {used: 0, max: apiDailyLimit},
	};

	const server = createServer(demoOrgRequestHandler(state));
	await listen(server, port);
	state.instanceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

	let closing: Promise<void> | undefined;
	return {
		instanceUrl: state.instanceUrl,
		accessToken,
		refreshToken: sessions.refreshToken,
		clientId: sessions.clientId,
		orgId,
		orgName,
		adminUserId: connectedUser.id,
		users,
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
