import fs from 'node:fs';
import QRCode from 'qrcode';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {establishConnection, type ConnectRequest} from '../org-connection.js';
import {pollDeviceToken, requestDeviceCode} from '../salesforce/device-login.js';
import {defaultDeviceClientId, resolveLoginUrl} from '../core/login-url.js';
import {openConnectionFile} from '../settings/saved-connection.js';
import {describeOrgOverview} from './org-report.js';
import {requireAdmin} from './require-admin.js';
import {UsageError} from './usage-error.js';

export type ConnectFlags = {
	loginUrl?: string;
	clientId?: string;
	username?: string;
	keyFile?: string;
	instanceUrl?: string;
	accessToken?: string;
	qr: boolean;
};

const methods = ['device', 'jwt', 'token'] as const;

function loginUrlFrom(flags: ConnectFlags): string {
	try {
		return resolveLoginUrl(flags.loginUrl ?? 'production');
	} catch (error: unknown) {
		throw new UsageError(`--login-url: ${(error as Error).message}`);
	}
}

function required(value: string | undefined, flag: string, method: string): string {
	if (value === undefined || value.trim() === '') {
		throw new UsageError(`connect ${method} needs ${flag}. Run salesscreen connect --help.`);
	}

	return value.trim();
}

/** Without --access-token, the token is read from standard input, so that it stays out of the shell's history and `ps`. */
function accessTokenFrom(value: string | undefined): string {
	if (value !== undefined && value.trim() !== '') {
		return value.trim();
	}

	if (process.stdin.isTTY) {
		throw new UsageError('connect token needs --access-token, or the token piped to standard input.');
	}

	const token = fs.readFileSync(0, 'utf8').trim();
	if (token === '') {
		throw new UsageError('connect token read no token from standard input; pipe it in, or give --access-token.');
	}

	return token;
}

/**
 * `salesscreen connect device|jwt|token`: the headless ways to connect an org, each saving the
 * connection (tokens in an owner-only file) only once it was shown to work.
 */
export async function connectCommand(input: readonly string[], flags: ConnectFlags, out: NodeJS.WritableStream, signal: AbortSignal): Promise<number> {
	const [method, extra] = input;
	if (method === undefined || !(methods as readonly string[]).includes(method) || extra !== undefined) {
		throw new UsageError(`Say how to connect: salesscreen connect ${methods.join('|')} … (run salesscreen connect --help).`);
	}

	// Before any login starts: a refusal after the admin approved a device code would waste their time.
	requireAdmin('connect');

	let request: ConnectRequest;
	switch (method) {
		case 'device': {
			const loginUrl = loginUrlFrom(flags);
			const clientId = flags.clientId?.trim() || defaultDeviceClientId;
			const code = await requestDeviceCode(loginUrl, clientId);
			out.write(`\nOn any device with a browser, open\n\n    ${code.verificationUri}\n\nand enter the code\n\n    ${code.userCode}\n\n`);
			if (flags.qr) {
				out.write(`${await QRCode.toString(code.verificationUri, {type: 'terminal', small: true})}\n`);
			}

			out.write('Waiting for approval (Ctrl+C cancels)…\n');
			const token = await pollDeviceToken(loginUrl, clientId, code, {signal});
			request = {method: 'device', loginUrl, clientId, token};
			break;
		}

		case 'jwt': {
			request = {
				method: 'jwt',
				loginUrl: loginUrlFrom(flags),
				clientId: required(flags.clientId, '--client-id', 'jwt'),
				username: required(flags.username, '--username', 'jwt'),
				privateKeyFile: required(flags.keyFile, '--key-file', 'jwt'),
			};
			break;
		}

		default: {
			const instanceUrl = required(flags.instanceUrl, '--instance-url', 'token');
			let origin: string;
			try {
				origin = resolveLoginUrl(instanceUrl);
			} catch (error: unknown) {
				throw new UsageError(`--instance-url: ${(error as Error).message}`);
			}

			request = {method: 'token', instanceUrl: origin, accessToken: accessTokenFrom(flags.accessToken)};
		}
	}

	const established = await establishConnection(request);
	const home = resolveAppHome();
	ensureAppHome(home);
	const file = openConnectionFile(home.home);
	file.save(established.saved);
	out.write(`Connected and saved (${file.path}, readable by you only).\n${describeOrgOverview(established.overview)}`);
	if (!established.overview.adminRights.authorized) {
		out.write(`\nImport is blocked until then: ${established.overview.adminRights.reason}\n`);
		return 4;
	}

	return 0;
}
