import {generateKeyPairSync} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoOrg, type DemoOrg} from '../../source/demo-org/demo-org.js';
import {runCli, startCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const tempHome = tempHomesPerTest();
const keys = generateKeyPairSync('rsa', {modulusLength: 2048, publicKeyEncoding: {type: 'spki', format: 'pem'}, privateKeyEncoding: {type: 'pkcs8', format: 'pem'}});
let org: DemoOrg;

beforeAll(async () => {
	org = await startDemoOrg({users: 60, seed: 31, devicePollIntervalSeconds: 0, jwtPublicKey: keys.publicKey});
});

afterAll(async () => {
	await org.close();
});

type Saved = {connection: {method: string; refreshToken?: string; accessToken: string; privateKeyFile?: string; username: string}};

function savedConnection(home: string): Saved['connection'] {
	return (JSON.parse(fs.readFileSync(path.join(home, 'connection.json'), 'utf8')) as Saved).connection;
}

/** Runs `connect device`, approves the code it prints the way an admin would on the verification page. */
async function connectByDevice(env: NodeJS.ProcessEnv, approve: {username?: string; deny?: boolean} = {}) {
	const run = startCli(['connect', 'device', '--login-url', org.instanceUrl, '--no-qr'], env);
	const [, userCode] = await run.waitForOutput(/enter the code\s+(\S+)/);
	await run.waitForOutput(/Waiting for approval/);
	const approval = await fetch(`${org.instanceUrl}/setup/connect`, {
		method: 'POST',
		body: new URLSearchParams({user_code: userCode!, action: approve.deny ? 'deny' : 'approve', ...(approve.username ? {username: approve.username} : {})}),
	});
	expect(approval.status).toBe(200);
	return run.exited;
}

describe('salesscreen connect device', () => {
	it('shows a code, waits for approval, saves the connection owner-only, and every command then uses it', async () => {
		const {home, env} = tempHome();
		const connected = await connectByDevice(env);
		expect(connected.code).toBe(0);
		expect(connected.stdout).toContain(`Connected user  `);
		expect(connected.stdout).toContain('Admin rights    yes (profile System Administrator)');

		const saved = savedConnection(home);
		expect(saved).toMatchObject({method: 'device', username: org.adminUsername});
		expect(fs.statSync(path.join(home, 'connection.json')).mode & 0o777).toBe(0o600);
		expect(connected.stdout).not.toContain(saved.refreshToken!);
		expect(connected.stdout).not.toContain(saved.accessToken);

		const status = await runCli(['status', '--json'], env);
		expect(status.code).toBe(0);
		expect(JSON.parse(status.stdout)).toMatchObject({status: 'ok', method: 'device', authorized: true, instanceUrl: org.instanceUrl});

		const plan = await runCli(['import', '--all', '--dry-run', '--json'], env);
		expect(plan.code).toBe(0);
		const imported = JSON.parse(plan.stdout) as {outcomes: Array<{salesforceUserId: string}>};
		const orgIds = new Set(org.users.map((user) => user.id));
		expect(imported.outcomes.length).toBeGreaterThan(0);
		expect(imported.outcomes.every((outcome) => orgIds.has(outcome.salesforceUserId))).toBe(true);

		const disconnected = await runCli(['disconnect'], env);
		expect(disconnected.code).toBe(0);
		expect(disconnected.stdout).toContain('logged out at Salesforce');
		expect(fs.existsSync(path.join(home, 'connection.json')) && savedConnectionOrUndefined(home)).toBeFalsy();
		const refresh = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
			method: 'POST',
			body: new URLSearchParams({grant_type: 'refresh_token', client_id: 'PlatformCLI', refresh_token: saved.refreshToken!}),
		});
		expect(refresh.status).toBe(400);

		const after = await runCli(['status'], env);
		expect(after.code).toBe(1);
		expect(after.stdout).toContain('Not connected');
	});

	it('connects a user without Manage Users or View All Users, and says import is blocked (exit 4)', async () => {
		const {env} = tempHome();
		const connected = await connectByDevice(env, {username: org.nonAdminUsername});
		expect(connected.code).toBe(4);
		expect(connected.stdout).toContain('Admin rights    NO');
		expect(connected.stdout).toContain(`${org.nonAdminUsername} has neither "Manage Users" nor "View All Users"`);

		const status = await runCli(['status', '--json'], env);
		expect(status.code).toBe(4);
		expect(JSON.parse(status.stdout)).toMatchObject({status: 'notAuthorized', authorized: false});
	});

	it('saves nothing when the login is denied', async () => {
		const {home, env} = tempHome();
		const denied = await connectByDevice(env, {deny: true});
		expect(denied.code).toBe(1);
		expect(denied.stderr).toContain('denied');
		expect(savedConnectionOrUndefined(home)).toBeUndefined();
	});
});

function savedConnectionOrUndefined(home: string): Saved['connection'] | undefined {
	try {
		return savedConnection(home);
	} catch {
		return undefined;
	}
}

describe('salesscreen connect jwt', () => {
	it('signs in with the key file, keeps only its path, and renews by signing again', async () => {
		const {home, env} = tempHome();
		const keyFile = path.join(home, 'server.key');
		fs.writeFileSync(keyFile, keys.privateKey, {mode: 0o600});
		const connected = await runCli(
			['connect', 'jwt', '--login-url', org.instanceUrl, '--client-id', org.clientId, '--username', org.adminUsername, '--key-file', keyFile],
			env,
		);
		expect(connected.code).toBe(0);
		const saved = savedConnection(home);
		expect(saved).toMatchObject({method: 'jwt', privateKeyFile: keyFile, username: org.adminUsername});
		expect(fs.readFileSync(path.join(home, 'connection.json'), 'utf8')).not.toContain('PRIVATE KEY');

		org.expireSessions();
		const status = await runCli(['status', '--json'], env);
		expect(JSON.parse(status.stdout)).toMatchObject({status: 'ok', method: 'jwt'});
		expect(savedConnection(home).accessToken).not.toBe(saved.accessToken);
	});

	it('says what is wrong with a key the connected app does not know, and saves nothing', async () => {
		const {home, env} = tempHome();
		const other = generateKeyPairSync('rsa', {modulusLength: 2048, privateKeyEncoding: {type: 'pkcs8', format: 'pem'}, publicKeyEncoding: {type: 'spki', format: 'pem'}});
		const keyFile = path.join(home, 'other.key');
		fs.writeFileSync(keyFile, other.privateKey);
		const refused = await runCli(['connect', 'jwt', '--login-url', org.instanceUrl, '--client-id', org.clientId, '--username', org.adminUsername, '--key-file', keyFile], env);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/Salesforce refused the login \(invalid assertion\)/);
		expect(savedConnectionOrUndefined(home)).toBeUndefined();
	});
});

describe('salesscreen connect token', () => {
	it('reads the token from standard input, so it stays out of the shell history', async () => {
		const {home, env} = tempHome();
		// A session of its own: other tests here expire the org's sessions.
		const renewed = await fetch(`${org.instanceUrl}/services/oauth2/token`, {
			method: 'POST',
			body: new URLSearchParams({grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken}),
		});
		const {access_token: accessToken} = (await renewed.json()) as {access_token: string};
		const connected = await runCli(['connect', 'token', '--instance-url', org.instanceUrl], env, `${accessToken}\n`);
		expect(connected.code).toBe(0);
		expect(savedConnection(home)).toMatchObject({method: 'token', accessToken});
		expect(connected.stdout).not.toContain(accessToken);
	});
});

describe('connect, status and disconnect called wrongly or on a broken file', () => {
	it.each([
		[['connect'], /connect device\|jwt\|token/],
		[['connect', 'jwt', '--login-url', 'sandbox'], /connect jwt needs --client-id/],
		[['connect', 'device', '--login-url', 'http://login.example.com'], /not HTTPS/],
		[['connect', 'device', '--login-url', 'https://acme.lightning.force.com'], /Lightning address/],
	])('salesscreen %j exits 2 with a hint', async (args, message) => {
		const {env} = tempHome();
		const result = await runCli(args, env);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});

	it('names a corrupt connection file, and disconnect moves it aside rather than deleting it', async () => {
		const {home, env} = tempHome();
		fs.writeFileSync(path.join(home, 'connection.json'), '{"connection": {"method": "dev');
		const status = await runCli(['status'], env);
		expect(status.code).toBe(1);
		expect(status.stderr).toContain(path.join(home, 'connection.json'));
		expect(status.stderr).toContain('salesscreen disconnect');

		const disconnected = await runCli(['disconnect'], env);
		expect(disconnected.code).toBe(0);
		const aside = fs.readdirSync(home).find((name) => name.startsWith('connection.json.unreadable-'));
		expect(aside).toBeDefined();
		expect(fs.readFileSync(path.join(home, aside!), 'utf8')).toContain('"method": "dev');
		expect((await runCli(['status'], env)).code).toBe(1);
	});
});
