import pRetry from 'p-retry';
import {classifySalesforceError} from './salesforce-error-class.js';
import {describeSalesforceError} from './salesforce-error.js';

/** Told before each new attempt, so that a screen or a log can say what is going on. */
export type RetryNotice = {
	/** The attempt about to start: 2 for the first retry. */
	attempt: number;
	/** How many attempts there will be at most. */
	attempts: number;
	/** Why the previous attempt failed, in one sentence. */
	reason: string;
};

export type RetryPolicy = {
	/** Retries after the first attempt (default 4). */
	retries?: number;
	/** Wait before the first retry; each next wait doubles, with jitter (default 500 ms; SALESSCREEN_RETRY_DELAY sets it). */
	minTimeoutMs?: number;
	onRetry?: (notice: RetryNotice) => void;
	signal?: AbortSignal;
};

/**
 * Limit exhaustion and an expired query locator are "retryable" for a person later, never within seconds:
 * retrying at once would only spend more of the allowance. A cancelled request was cancelled on purpose.
 */
const notNow = new Set(['REQUEST_LIMIT_EXCEEDED', 'INVALID_QUERY_LOCATOR', 'ABORTED']);

/** Whether to try again within seconds: decided on the failure's class (its code), never on its words. */
function retryNow(error: unknown): boolean {
	const {code, retryable} = classifySalesforceError(error);
	return retryable && !notNow.has(code);
}

/**
 * Runs one Salesforce call, retrying transient failures (network errors, 5xx, timeouts) with exponential
 * back-off and jitter; anything an admin must act on fails at once.
 */
export async function withRetries<T>(work: () => Promise<T>, policy: RetryPolicy = {}): Promise<T> {
	const retries = policy.retries ?? 4;
	const minTimeout = policy.minTimeoutMs ?? 500;
	return pRetry(work, {
		retries,
		minTimeout,
		// Sixteen times the first wait, at most 8 s: a small first wait (in tests, say) keeps every wait small.
		maxTimeout: Math.min(8000, minTimeout * 16),
		factor: 2,
		randomize: true,
		signal: policy.signal,
		shouldRetry: ({error}) => retryNow(error),
		onFailedAttempt({error, attemptNumber, retriesLeft}) {
			if (retriesLeft > 0 && retryNow(error)) {
				// The words are only for the notice; the advice after the semicolon ("try again in a minute") is what the retries are already doing.
				const {message} = describeSalesforceError(error);
				policy.onRetry?.({attempt: attemptNumber + 1, attempts: retries + 1, reason: `${message.split(';')[0]!.replace(/\.$/, '')}.`});
			}
		},
	});
}
