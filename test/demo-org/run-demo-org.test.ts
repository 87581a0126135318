import {generateKeyPairSync} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../source/commands/usage-error.js';
import {demoOrgOptionsFromFlags, runDemoOrg, type RunDemoOrgFlags} from '../../source/commands/demo-org-command.js';
import {get, queryPath, signJwt, token} from './demo-org-client.js';

function capture() {
	const stream = new PassThrough();
	let text = '';
	stream.on('data', (chunk: Buffer) => {
		text += chunk.toString();
	});
	return {stream, text: () => text};
}

describe('runDemoOrg', () => {
	it('prints exactly one JSON line with the instance URL, access token and client id', async () => {
		const out = capture();
		const org = await runDemoOrg({users: 10, json: true}, out.stream);
		try {
			const lines = out.text().split('\n');
			expect(lines).toHaveLength(2);
			expect(lines[1]).toBe('');
			expect(JSON.parse(lines[0]!)).toEqual({instanceUrl: org.instanceUrl, accessToken: org.accessToken, clientId: org.clientId});
			const response = await fetch(`${org.instanceUrl}/services/data/v62.0/query?q=SELECT+COUNT()+FROM+User`, {
				headers: {Authorization: `Bearer ${org.accessToken}`},
			});
			expect(await response.json()).toEqual({totalSize: 10, done: true, records: []});
		} finally {
			await org.close();
		}
	});

	it('tells a person where it listens, how to connect, how to approve a device and how to stop', async () => {
		const out = capture();
		const org = await runDemoOrg({users: 25, seed: 5}, out.stream);
		try {
			const text = out.text();
			expect(text).toContain(org.instanceUrl);
			expect(text).toContain(org.accessToken);
			expect(text).toContain(`Client id      ${org.clientId}`);
			expect(text).toContain('25 generated users, seed 5');
			expect(text).toContain('Faults: none');
			expect(text).toContain(`salesscreen --instance-url ${org.instanceUrl} --access-token '${org.accessToken}'`);
			expect(text).toContain(`${org.instanceUrl}/setup/connect`);
			expect(text).toContain(`curl -d user_code=CODE -d action=approve ${org.instanceUrl}/setup/connect`);
			expect(text).toContain(org.adminUsername);
			expect(text).toContain('Ctrl+C');
		} finally {
			await org.close();
		}
	});

	it('names the active faults and org settings in the banner, and they are in force', async () => {
		const out = capture();
		const org = await runDemoOrg(
			{users: 20, failNext: 1, failureRate: 0.25, latency: 5, resetMidPage: 2, rejectSessions: true, sandbox: true, apiDailyLimit: 50, sessionLifetime: 60, rotateRefreshTokens: true},
			out.stream,
		);
		try {
			const text = out.text();
			for (const line of [
				'every response waits 5 ms',
				'25% of REST calls answer 503 SERVER_UNAVAILABLE',
				'the next 1 REST call answer 503 SERVER_UNAVAILABLE',
				'the next 2 query pages break off mid-body',
				'every REST call answers 401 INVALID_SESSION_ID, even after a refresh',
				'a sandbox (IsSandbox = true)',
				'50 API calls a day',
				'access tokens expire after 60 s',
				'each refresh rotates the refresh token',
			]) {
				expect(text).toContain(line);
			}

			expect(org.faults).toEqual({latencyMs: 5, failureRate: 0.25, failNext: 1, resetMidPage: 2, rejectAllSessions: true});
			expect((await get(org, '/services/data/v62.0/limits', org.accessToken)).status).toBe(503);
			org.setFaults({failureRate: 0, rejectAllSessions: false});
			const limits = await get(org, '/services/data/v62.0/limits', org.accessToken);
			expect(limits.body.DailyApiRequests.Max).toBe(50);
			// The next two query pages break off: the resetMidPage fault is in force.
			await expect(get(org, queryPath('SELECT IsSandbox FROM Organization'), org.accessToken)).rejects.toThrow();
			await expect(get(org, queryPath('SELECT IsSandbox FROM Organization'), org.accessToken)).rejects.toThrow();
			expect((await get(org, queryPath('SELECT IsSandbox FROM Organization'), org.accessToken)).body.records[0].IsSandbox).toBe(true);
			const refreshed = await token(org, {grant_type: 'refresh_token', client_id: org.clientId, refresh_token: org.refreshToken});
			expect(refreshed.body.refresh_token).toMatch(/^5Aep861/);
		} finally {
			await org.close();
		}
	});

	it('reads the JWT public key from the file named by --jwt-public-key', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'demo-org-jwt-'));
		const keys = generateKeyPairSync('rsa', {modulusLength: 2048});
		const file = path.join(folder, 'server.pub');
		writeFileSync(file, keys.publicKey.export({type: 'spki', format: 'pem'}));
		const out = capture();
		const org = await runDemoOrg({users: 10, jwtPublicKey: file}, out.stream);
		try {
			expect(out.text()).toContain(`JWT bearer flow: assertions signed with the key of ${file}`);
			const assertion = signJwt({iss: org.clientId, sub: org.adminUsername, aud: org.instanceUrl, exp: Math.floor(Date.now() / 1000) + 60}, keys.privateKey);
			expect((await token(org, {grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion})).status).toBe(200);
		} finally {
			await org.close();
			rmSync(folder, {recursive: true, force: true});
		}
	});
});

describe('demo-org flags', () => {
	it('refuses bad values with a UsageError that names the flag (exit code 2)', async () => {
		const cases: Array<[RunDemoOrgFlags, RegExp]> = [
			[{latency: -1}, /--latency takes a whole number of milliseconds/],
			[{latency: Number.NaN}, /--latency takes/],
			[{failureRate: 1.5}, /--failure-rate takes a share of calls from 0 to 1/],
			[{failNext: 2.5}, /--fail-next takes a whole number/],
			[{resetMidPage: -3}, /--reset-mid-page takes a whole number/],
			[{sessionLifetime: 0}, /--session-lifetime takes a whole number of seconds, 1 or more, not 0/],
			[{apiDailyLimit: 0}, /--api-daily-limit takes a whole number of API calls/],
			[{port: 70_000}, /--port takes a whole number from 0 to 65535/],
			[{users: 0}, /--users takes a whole number/],
			[{users: 5, usersFile: 'x.json'}, /Choose one of --users and --users-file/],
			[{jwtPublicKey: '/no/such/file.pem'}, /--jwt-public-key \/no\/such\/file\.pem: cannot read it \(ENOENT\)/],
		];
		for (const [flags, message] of cases) {
			const failure = demoOrgOptionsFromFlags(flags);
			await expect(failure).rejects.toThrow(UsageError);
			await expect(failure).rejects.toThrow(message);
		}
	});

	it('refuses a key file that holds no PEM key, and turns start-up refusals into usage errors', async () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'demo-org-jwt-'));
		try {
			const file = path.join(folder, 'key.txt');
			writeFileSync(file, 'hello');
			await expect(demoOrgOptionsFromFlags({jwtPublicKey: file})).rejects.toThrow(/holds no PEM public key or certificate/);
			writeFileSync(file, '-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n');
			await expect(runDemoOrg({users: 5, jwtPublicKey: file}, capture().stream)).rejects.toThrow(UsageError);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('passes the flags on as options', async () => {
		expect(await demoOrgOptionsFromFlags({users: 5, failureRate: 0.1, rejectSessions: true, sandbox: true, sessionLifetime: 30, rotateRefreshTokens: true})).toMatchObject({
			users: 5,
			sandbox: true,
			sessionLifetimeSeconds: 30,
			rotateRefreshTokens: true,
			faults: {failureRate: 0.1, rejectAllSessions: true},
		});
	});
});
