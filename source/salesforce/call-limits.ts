import {SalesforceFailure} from './salesforce-failure.js';
import {answerPreview} from './unexpected-answer.js';

/** The kinds of work the app asks of an org, each with its own patience. */
export type CallKind = 'connection-test' | 'user-listing' | 'organization-facts' | 'token';

/** How long one request may take, and how long a whole piece of work (retries and all) may take. */
export type CallLimits = {
	/** Per request, for every kind of call; unset: each kind's default. */
	requestTimeoutMs?: number;
	/** Per piece of work (a connection test, a whole user listing); unset: each kind's default. */
	deadlineMs?: number;
	/** The wait before the first retry, doubling after each; unset: each kind's default. */
	retryDelayMs?: number;
};

/** A connection test answers within seconds; a page of 2,000 users may take a while to build on a large org. */
const defaults: Record<CallKind, {requestTimeoutMs: number; deadlineMs: number}> = {
	'connection-test': {requestTimeoutMs: 15_000, deadlineMs: 60_000},
	'organization-facts': {requestTimeoutMs: 15_000, deadlineMs: 60_000},
	'user-listing': {requestTimeoutMs: 60_000, deadlineMs: 15 * 60_000},
	token: {requestTimeoutMs: 30_000, deadlineMs: 60_000},
};

/** What each kind of work is called in a message. */
export const callKindWords: Record<CallKind, string> = {
	'connection-test': 'the connection test',
	'organization-facts': "reading the org's facts",
	'user-listing': "listing the org's users",
	token: 'the login',
};

/** The environment variables that set the limits, named in every message about a limit that ran out. */
export const limitVariables = {
	requestTimeoutMs: 'SALESSCREEN_REQUEST_TIMEOUT',
	deadlineMs: 'SALESSCREEN_DEADLINE',
	retryDelayMs: 'SALESSCREEN_RETRY_DELAY',
} as const;

export function requestTimeoutFor(kind: CallKind, limits: CallLimits): number {
	return limits.requestTimeoutMs ?? defaults[kind].requestTimeoutMs;
}

export function deadlineFor(kind: CallKind, limits: CallLimits): number {
	return limits.deadlineMs ?? defaults[kind].deadlineMs;
}

/** "300ms", "20s", "2m" or a bare number of seconds ("1.5"). */
export function parseDuration(value: string): number | undefined {
	const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(value);
	if (!match) {
		return undefined;
	}

	const unit = (match[2] ?? 's').toLowerCase();
	const milliseconds = Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
	return Number.isFinite(milliseconds) ? Math.round(milliseconds) : undefined;
}

/** Written the way an admin would set it: 300 ms, 15 s, 2 min. */
export function formatDuration(milliseconds: number): string {
	if (milliseconds < 1000) {
		return `${milliseconds} ms`;
	}

	if (milliseconds < 120_000 || milliseconds % 60_000 !== 0) {
		return `${Number((milliseconds / 1000).toFixed(1))} s`;
	}

	return `${milliseconds / 60_000} min`;
}

/**
 * The limits set in the environment (SALESSCREEN_REQUEST_TIMEOUT, SALESSCREEN_DEADLINE,
 * SALESSCREEN_RETRY_DELAY), so that cron jobs and tests can tune them without a flag on every command.
 */
export function callLimitsFromEnvironment(env: NodeJS.ProcessEnv): CallLimits {
	const limits: CallLimits = {};
	for (const key of Object.keys(limitVariables) as Array<keyof typeof limitVariables>) {
		const name = limitVariables[key];
		const raw = env[name];
		if (raw === undefined || raw.trim() === '') {
			continue;
		}

		const milliseconds = parseDuration(raw);
		if (milliseconds === undefined || (key !== 'retryDelayMs' && milliseconds <= 0)) {
			throw new SalesforceFailure('INVALID_LIMIT', `${name}="${answerPreview(raw, 40)}" is not a duration; give one such as 500ms, 20s or 5m.`, false);
		}

		limits[key] = milliseconds;
	}

	return limits;
}

/** Raised when a request got no full answer within its time-out; retried, since the next may be answered. */
export function requestTimedOut(kind: CallKind, target: string, asked: string, milliseconds: number): SalesforceFailure {
	return new SalesforceFailure(
		'REQUEST_TIMEOUT',
		`${target} did not answer ${asked} within ${formatDuration(milliseconds)} (the time-out per request, set by ${limitVariables.requestTimeoutMs}); check the network connection and the instance URL, and try again.`,
		true,
	);
}

/** Raised when a whole piece of work ran past its deadline; never retried, since the time is spent. */
export function deadlineExceeded(kind: CallKind, target: string, milliseconds: number): SalesforceFailure {
	return new SalesforceFailure(
		'DEADLINE_EXCEEDED',
		`${callKindWords[kind][0]!.toUpperCase()}${callKindWords[kind].slice(1)} did not finish within ${formatDuration(milliseconds)} (its deadline, set by ${limitVariables.deadlineMs}): ${target} answers too slowly or not at all; check the network connection and the instance URL, and try again.`,
		false,
	);
}

/** The limits each open connection was given, looked up by the calls made over it. */
const connectionLimits = new WeakMap<object, CallLimits>();

export function setCallLimits(connection: object, limits: CallLimits): void {
	connectionLimits.set(connection, limits);
}

export function callLimitsOf(connection: object): CallLimits {
	return connectionLimits.get(connection) ?? {};
}

/**
 * Runs one piece of work (all its requests and retries) under its deadline: when the time is up, the
 * request in flight and any wait before a retry stop at once, with a failure that says which limit ran out.
 */
export async function withinDeadline<T>(
	kind: CallKind,
	context: {limits: CallLimits; target: string; signal?: AbortSignal},
	work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
	const milliseconds = deadlineFor(kind, context.limits);
	const controller = new AbortController();
	const timer = setTimeout(() => {
		controller.abort(deadlineExceeded(kind, context.target, milliseconds));
	}, milliseconds);
	// An idle deadline must not keep a finished command's process alive.
	timer.unref();
	const signal = context.signal ? AbortSignal.any([context.signal, controller.signal]) : controller.signal;
	try {
		return await work(signal);
	} catch (error: unknown) {
		// Whatever the interrupted request threw, the reason is the deadline.
		throw controller.signal.aborted ? controller.signal.reason : error;
	} finally {
		clearTimeout(timer);
	}
}
