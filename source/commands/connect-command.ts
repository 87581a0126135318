import fs from 'node:fs';
import QRCode from 'qrcode';
import {connectOrg} from '../app/connect-org.js';
import type {OrgLogin} from '../app/ports/org-connections.js';
import {ensureAppHome, resolveAppHome} from '../app-home.js';
import {establishConnection} from '../org-connection.js';
import {resolveOperator} from '../operator-identity.js';
import {withChosenStore} from '../chosen-store.js';
import {directoryPortsOver} from '../run-ports.js';
import {pollDeviceToken, requestDeviceCode} from '../salesforce/device-login.js';
import type {TokenResponse} from '../salesforce/token-endpoint.js';
import {defaultDeviceClientId, resolveLoginUrl} from '../core/login-url.js';
import {openConnectionFile} from '../settings/saved-connection.js';
import {describeOrgOverview} from './org-report.js';
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

	const home = resolveAppHome();
	ensureAppHome(home);
	const file = openConnectionFile(home.home);
	const login: OrgLogin<TokenResponse> = {
		requestDeviceCode,
		pollDeviceLogin: pollDeviceToken,
		async connectAndSave(request) {
			const established = await establishConnection(request);
			file.save(established.saved);
			return established.overview;
		},
		async forgetSaved() {
			throw new Error('connect does not disconnect');
		},
	};
	return withChosenStore(home, async (store) => {
		const connect = connectOrg({guard: directoryPortsOver(store.ports.directory, resolveOperator(home.home)).guard, login});
		const overview = await connectBy(method, flags, connect, out, signal);
		out.write(`Connected and saved (${file.path}, readable by you only).\n${describeOrgOverview(overview)}`);
		if (!overview.adminRights.authorized) {
			out.write(`\nImport is blocked until then: ${overview.adminRights.reason}\n`);
			return 4;
		}

		return 0;
	});
}

/** Logs in the way asked, through the connect use case (which checks the admin rule before any login starts). */
async function connectBy(method: string, flags: ConnectFlags, connect: ReturnType<typeof connectOrg<TokenResponse>>, out: NodeJS.WritableStream, signal: AbortSignal) {
	switch (method) {
		case 'device': {
			const loginUrl = loginUrlFrom(flags);
			const clientId = flags.clientId?.trim() || defaultDeviceClientId;
			const code = await connect.requestDeviceCode(loginUrl, clientId);
			out.write(`\nOn any device with a browser, open\n\n    ${code.verificationUri}\n\nand enter the code\n\n    ${code.userCode}\n\n`);
			if (flags.qr) {
				out.write(`${await QRCode.toString(code.verificationUri, {type: 'terminal', small: true})}\n`);
			}

			out.write('Waiting for approval (Ctrl+C cancels)…\n');
			return connect.completeDeviceLogin(loginUrl, clientId, code, {signal});
		}

		case 'jwt': {
			return connect.connectWithJwt({
				loginUrl: loginUrlFrom(flags),
				clientId: required(flags.clientId, '--client-id', 'jwt'),
				username: required(flags.username, '--username', 'jwt'),
				privateKeyFile: required(flags.keyFile, '--key-file', 'jwt'),
			});
		}

		default: {
			const instanceUrl = required(flags.instanceUrl, '--instance-url', 'token');
			let origin: string;
			try {
				origin = resolveLoginUrl(instanceUrl);
			} catch (error: unknown) {
				throw new UsageError(`--instance-url: ${(error as Error).message}`);
			}

			return connect.connectWithToken({instanceUrl: origin, accessToken: accessTokenFrom(flags.accessToken)});
		}
	}
}
