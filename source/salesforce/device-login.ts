import type {DeviceCode} from '../core/device-code.js';
import {deviceCodeResponse} from './answer-schemas.js';
import {OAuthError, postTokenRequest, type TokenResponse} from './token-endpoint.js';

export type {DeviceCode} from '../core/device-code.js';

/** Why a device login ended without a token. */
export type DeviceLoginFailure = 'denied' | 'expired' | 'cancelled';

export class DeviceLoginError extends Error {
	override name = 'DeviceLoginError';
	constructor(
		readonly reason: DeviceLoginFailure,
		message: string,
	) {
		super(message);
	}
}

/** Scopes for listing users now and renewing the session for months: `api` and `refresh_token`. */
const scope = 'api refresh_token';
const defaultLifetimeSeconds = 600;
/** RFC 8628 §3.5: on slow_down, add five seconds to the interval for this and every later poll. */
const slowDownSeconds = 5;

/**
 * Step one of the device flow, which jsforce has no helper for: ask the login host for a device code and
 * the short code the admin types on the verification page.
 */
export async function requestDeviceCode(loginUrl: string, clientId: string, now = Date.now): Promise<DeviceCode> {
	const answer = await postTokenRequest(loginUrl, {response_type: 'device_code', client_id: clientId, scope}, {asked: 'a device login code', schema: deviceCodeResponse});
	return {
		deviceCode: answer.device_code,
		userCode: answer.user_code,
		verificationUri: answer.verification_uri,
		intervalSeconds: answer.interval ?? 5,
		expiresAt: now() + 1000 * (answer.expires_in ?? defaultLifetimeSeconds),
	};
}

export type PollOptions = {
	signal?: AbortSignal;
	/** Told before each wait, so a screen can say when the next check is. */
	onWait?: (seconds: number) => void;
	now?: () => number;
};

/**
 * Step two: poll at the interval Salesforce gave until the admin approves (the token), denies, or the code
 * expires; cancelling the signal stops at once.
 */
export async function pollDeviceToken(loginUrl: string, clientId: string, code: DeviceCode, options: PollOptions = {}): Promise<TokenResponse> {
	const {signal, onWait, now = Date.now} = options;
	let interval = code.intervalSeconds;
	for (;;) {
		if (now() >= code.expiresAt) {
			throw new DeviceLoginError('expired', `The code ${code.userCode} expired before it was approved; start the login again.`);
		}

		onWait?.(interval);
		await wait(interval * 1000, signal);
		try {
			return await postTokenRequest(loginUrl, {grant_type: 'device', client_id: clientId, code: code.deviceCode}, {asked: 'whether the device login was approved', signal});
		} catch (error: unknown) {
			if (signal?.aborted) {
				throw cancelled();
			}

			if (!(error instanceof OAuthError)) {
				throw error;
			}

			switch (error.error) {
				case 'authorization_pending': {
					continue;
				}

				case 'slow_down': {
					interval += slowDownSeconds;
					continue;
				}

				case 'access_denied': {
					throw new DeviceLoginError('denied', 'The login was denied on the verification page; nothing was saved.');
				}

				case 'expired_token': {
					throw new DeviceLoginError('expired', `The code ${code.userCode} expired before it was approved; start the login again.`);
				}

				default: {
					throw error;
				}
			}
		}
	}
}

function cancelled(): DeviceLoginError {
	return new DeviceLoginError('cancelled', 'The login was cancelled; nothing was saved.');
}

async function wait(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
	if (signal?.aborted) {
		throw cancelled();
	}

	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, milliseconds);
		const onAbort = () => {
			clearTimeout(timer);
			reject(cancelled());
		};

		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

