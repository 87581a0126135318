import {readFile} from 'node:fs/promises';
import {UsageError} from './usage-error.js';
import {demoOrgDefaults, DemoOrgError, describeFaults, startDemoOrg, type DemoOrg, type DemoOrgOptions} from '../demo-org/demo-org.js';

export type RunDemoOrgFlags = {
	port?: number;
	users?: number;
	seed?: number;
	communityShare?: number;
	usersFile?: string;
	json?: boolean;
	apiDailyLimit?: number;
	sandbox?: boolean;
	sessionLifetime?: number;
	rotateRefreshTokens?: boolean;
	/** A file holding the connected app's certificate or public key (PEM), for the JWT bearer flow. */
	jwtPublicKey?: string;
	latency?: number;
	failureRate?: number;
	failNext?: number;
	resetMidPage?: number;
	rejectSessions?: boolean;
	/** Seconds a device login must wait between polls (Salesforce says 5). */
	devicePollInterval?: number;
};

/** A flag's number, checked: a whole number in range unless `fraction` allows any number in it. */
function checked(flag: string, value: number | undefined, minimum: number, maximum: number, what: string, fraction = false): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	if (!Number.isFinite(value) || (!fraction && !Number.isInteger(value)) || value < minimum || value > maximum) {
		throw new UsageError(Number.isNaN(value) ? `--${flag} takes ${what}.` : `--${flag} takes ${what}, not ${value}.`);
	}

	return value;
}

/** The demo org's options from the command's flags; a UsageError (exit code 2) names any bad flag. */
export async function demoOrgOptionsFromFlags(flags: RunDemoOrgFlags): Promise<DemoOrgOptions> {
	if (flags.users !== undefined && flags.usersFile !== undefined) {
		throw new UsageError('Choose one of --users and --users-file.');
	}

	let jwtPublicKey: string | undefined;
	if (flags.jwtPublicKey !== undefined) {
		try {
			jwtPublicKey = await readFile(flags.jwtPublicKey, 'utf8');
		} catch (error: unknown) {
			const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
			throw new UsageError(`--jwt-public-key ${flags.jwtPublicKey}: cannot read it (${code}).`);
		}

		if (!/-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----/.test(jwtPublicKey)) {
			throw new UsageError(`--jwt-public-key ${flags.jwtPublicKey} holds no PEM public key or certificate (-----BEGIN CERTIFICATE-----).`);
		}
	}

	if (flags.seed !== undefined && !Number.isFinite(flags.seed)) {
		throw new UsageError('--seed takes a number.');
	}

	const whole = 'a whole number';
	return {
		port: checked('port', flags.port, 0, 65_535, `${whole} from 0 to 65535 (0: any free port)`),
		users: checked('users', flags.users, 1, 1_000_000, `${whole} of users from 1 to 1,000,000`),
		seed: flags.seed,
		communityShare: checked('community-share', flags.communityShare, 0, 0.999_999, 'a share of users from 0 to below 1, e.g. 0.9', true),
		usersFile: flags.usersFile,
		apiDailyLimit: checked('api-daily-limit', flags.apiDailyLimit, 1, Number.MAX_SAFE_INTEGER, `${whole} of API calls, 1 or more`),
		sandbox: flags.sandbox === true,
		sessionLifetimeSeconds: checked('session-lifetime', flags.sessionLifetime, 1, 366 * 24 * 60 * 60, `${whole} of seconds, 1 or more`),
		rotateRefreshTokens: flags.rotateRefreshTokens === true,
		jwtPublicKey,
		devicePollIntervalSeconds: checked('device-poll-interval', flags.devicePollInterval, 0, 60, `${whole} of seconds from 0 to 60`),
		faults: {
			latencyMs: checked('latency', flags.latency, 0, 600_000, `${whole} of milliseconds from 0 to 600000`),
			failureRate: checked('failure-rate', flags.failureRate, 0, 1, 'a share of calls from 0 to 1, e.g. 0.1', true),
			failNext: checked('fail-next', flags.failNext, 0, Number.MAX_SAFE_INTEGER, `${whole} of calls, 0 or more`),
			resetMidPage: checked('reset-mid-page', flags.resetMidPage, 0, Number.MAX_SAFE_INTEGER, `${whole} of query pages, 0 or more`),
			rejectAllSessions: flags.rejectSessions === true,
		},
	};
}

/**
 * `salesscreen demo-org`: starts the demo org and says where it listens, once it does. With `json`, exactly
 * one line `{"instanceUrl": …, "accessToken": …, "clientId": …}` so that scripts and benchmarks can read it.
 */
export async function runDemoOrg(flags: RunDemoOrgFlags, out: NodeJS.WritableStream): Promise<DemoOrg> {
	const options = await demoOrgOptionsFromFlags(flags);
	let org: DemoOrg;
	try {
		org = await startDemoOrg(options);
	} catch (error: unknown) {
		// What is left to refuse is still how the command was called (a port in use, a bad key): exit code 2.
		throw error instanceof DemoOrgError ? new UsageError(error.message) : error;
	}

	if (flags.json) {
		out.write(`${JSON.stringify({instanceUrl: org.instanceUrl, accessToken: org.accessToken, clientId: org.clientId})}\n`);
		return org;
	}

	const source =
		flags.usersFile === undefined
			? `${org.users.length.toLocaleString('en-US')} generated users, seed ${flags.seed ?? demoOrgDefaults.seed}`
			: `${org.users.length.toLocaleString('en-US')} users from ${flags.usersFile}`;
	const behaviour = [
		options.sandbox ? 'a sandbox (IsSandbox = true)' : undefined,
		options.apiDailyLimit === undefined ? undefined : `${options.apiDailyLimit.toLocaleString('en-US')} API calls a day`,
		options.sessionLifetimeSeconds === undefined ? undefined : `access tokens expire after ${options.sessionLifetimeSeconds} s`,
		options.rotateRefreshTokens ? 'each refresh rotates the refresh token' : undefined,
		flags.jwtPublicKey === undefined ? undefined : `JWT bearer flow: assertions signed with the key of ${flags.jwtPublicKey}, iss = the client id`,
	].filter((line) => line !== undefined);
	const faults = describeFaults(org.faults);
	const connect = `${org.instanceUrl}/setup/connect`;
	out.write(
		[
			`Demo org "${org.orgName}" (${org.orgId}) is listening at ${org.instanceUrl}`,
			`  ${source}`,
			...behaviour.map((line) => `  ${line}`),
			faults.length === 0 ? '  Faults: none' : '  Faults:',
			...faults.map((line) => `    ${line}`),
			'',
			`  Access token   ${org.accessToken}`,
			`  Refresh token  ${org.refreshToken}`,
			`  Client id      ${org.clientId}`,
			`  Admin user     ${org.adminUsername}`,
			...(org.nonAdminUsername === '' ? [] : [`  Non-admin user ${org.nonAdminUsername}`]),
			'',
			'Connect the app to it:',
			`  salesscreen --instance-url ${org.instanceUrl} --access-token '${org.accessToken}'`,
			'',
			`Approve a device login (OAuth device flow) at ${connect}, or with:`,
			`  curl -d user_code=CODE -d action=approve ${connect}`,
			`  (add -d username=USERNAME to approve as another user; action=deny refuses)`,
			'',
			'Stop it with Ctrl+C.',
			'',
		].join('\n'),
	);
	return org;
}
