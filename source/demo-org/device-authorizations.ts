import {randomBytes, randomInt} from 'node:crypto';
import {DemoOrgError} from './demo-org-error.js';
import type {DemoUserRecord} from './demo-user-record.js';
import {oauthErrors, type OAuthError} from './oauth-error.js';

/** What `response_type=device_code` answers, in Salesforce's shape. */
export type DeviceCodeResponse = {device_code: string; user_code: string; verification_uri: string; interval: number};

/** An approved device authorization, ready to become a session. */
export type DeviceGrant = {user: DemoUserRecord; scope: string};

type Decision = {kind: 'pending'} | {kind: 'approved'; user: DemoUserRecord} | {kind: 'denied'};

type DeviceAuthorization = {
	deviceCode: string;
	userCode: string;
	scope: string;
	expiresAt: number;
	lastPolledAt: number | undefined;
	decision: Decision;
};

// Upper-case letters and digits a person can read back without confusing 0 with O or 1 with I.
const userCodeAlphabet = 'BCDFGHJKLMNPQRSTVWXZ23456789';

/**
 * The device flow (RFC 8628 as Salesforce runs it): a device asks for codes, a person approves the user
 * code at /setup/connect, and the device polls the token endpoint until it gets a token or a refusal.
 */
export class DeviceAuthorizations {
	#byDeviceCode = new Map<string, DeviceAuthorization>();
	#byUserCode = new Map<string, DeviceAuthorization>();
	readonly #intervalMs: number;
	readonly #lifetimeMs: number;
	readonly #orgId: string;
	readonly #now: () => number;

	constructor(options: {orgId: string; pollIntervalSeconds: number; lifetimeSeconds: number; now?: () => number}) {
		this.#orgId = options.orgId;
		this.#intervalMs = options.pollIntervalSeconds * 1000;
		this.#lifetimeMs = options.lifetimeSeconds * 1000;
		this.#now = options.now ?? Date.now;
	}

	start(scope: string, verificationUri: string): DeviceCodeResponse {
		this.#forgetStale();
		// Salesforce's device codes are base64 of `3DVC::…`; the same look helps anyone reading logs.
		const deviceCode = Buffer.from(`3DVC::${this.#orgId.slice(0, 15)}::${randomBytes(32).toString('hex')}`).toString('base64');
		let userCode: string;
		do {
			userCode = Array.from({length: 8}, () => userCodeAlphabet[randomInt(userCodeAlphabet.length)]).join('');
		} while (this.#byUserCode.has(userCode));

		const authorization: DeviceAuthorization = {
			deviceCode,
			userCode,
			scope,
			expiresAt: this.#now() + this.#lifetimeMs,
			lastPolledAt: undefined,
			decision: {kind: 'pending'},
		};
		this.#byDeviceCode.set(deviceCode, authorization);
		this.#byUserCode.set(userCode, authorization);
		return {device_code: deviceCode, user_code: userCode, verification_uri: verificationUri, interval: this.#intervalMs / 1000};
	}

	/**
	 * `grant_type=device`: the grant once approved (the device code is then used up), else why not yet.
	 * The interval is measured between polls, so a first poll straight after asking is never too soon.
	 */
	poll(deviceCode: string | null): DeviceGrant | OAuthError {
		const authorization = deviceCode === null ? undefined : this.#byDeviceCode.get(deviceCode);
		if (!authorization) {
			return oauthErrors.invalidDeviceCode();
		}

		const now = this.#now();
		if (now >= authorization.expiresAt) {
			return oauthErrors.expiredDeviceCode();
		}

		const {decision} = authorization;
		if (decision.kind === 'denied') {
			return oauthErrors.accessDenied();
		}

		if (decision.kind === 'approved') {
			this.#forget(authorization);
			return {user: decision.user, scope: authorization.scope};
		}

		const tooSoon = authorization.lastPolledAt !== undefined && now - authorization.lastPolledAt < this.#intervalMs;
		authorization.lastPolledAt = now;
		return tooSoon ? oauthErrors.slowDown() : oauthErrors.authorizationPending();
	}

	/** A person's answer at /setup/connect (or a test's): approve as a user, or deny. */
	decide(userCode: string, decision: {user: DemoUserRecord} | 'deny'): void {
		const wanted = userCode.replaceAll(/[\s-]/g, '').toUpperCase();
		const authorization = this.#byUserCode.get(wanted);
		if (!authorization) {
			throw new DemoOrgError(`No device is waiting for the code "${userCode}". Check the code the device shows.`);
		}

		if (this.#now() >= authorization.expiresAt) {
			throw new DemoOrgError(`The code ${wanted} has expired. Start the device login again for a new one.`);
		}

		if (authorization.decision.kind !== 'pending') {
			throw new DemoOrgError(`The code ${wanted} was already ${authorization.decision.kind}.`);
		}

		authorization.decision = decision === 'deny' ? {kind: 'denied'} : {kind: 'approved', user: decision.user};
	}

	#forget(authorization: DeviceAuthorization): void {
		this.#byDeviceCode.delete(authorization.deviceCode);
		this.#byUserCode.delete(authorization.userCode);
	}

	/** Expired codes are kept for one more lifetime, so that a late poll hears expired_token rather than nothing. */
	#forgetStale(): void {
		const cutoff = this.#now() - this.#lifetimeMs;
		for (const authorization of this.#byDeviceCode.values()) {
			if (authorization.expiresAt < cutoff) {
				this.#forget(authorization);
			}
		}
	}
}
