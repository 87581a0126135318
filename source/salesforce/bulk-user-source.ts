import type {Connection} from 'jsforce';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {bulkQueryJob, userRecord} from './answer-schemas.js';
import {callLimitsOf, withinDeadline} from './call-limits.js';
import {readCsv} from './csv-reader.js';
import {restRequest, SalesforceApiError} from './rest-get.js';
import {SalesforceFailure} from './salesforce-failure.js';
import {describeIssue, parseAnswer} from './unexpected-answer.js';
import {stringInterner, toSalesforceUser} from './user-record.js';
import {withRetries, type RetryNotice} from './with-retries.js';

/** How far a listing is, and how many calls to the org it has cost so far (every attempt counts). */
export type BulkProgress = {loaded: number; total: number; apiCalls: number};

/** Counts the calls one listing makes, across its REST pages and its Bulk job alike. */
export type CallCounter = {calls: number};

export type BulkReadOptions = {
	/** A query of User with userQuery's fields (and order): the same SOQL the REST listing sends. */
	soql: string;
	onBatch?: (batch: SalesforceUser[], progress: BulkProgress) => void;
	onRetry?: (notice: RetryNotice) => void;
	signal?: AbortSignal;
	/** Retries per call (default 4), as for a REST page. */
	retries?: number;
	/** Records per set of results (default 50,000): fewer, larger sets cost fewer calls. */
	maxRecords?: number;
	/** The wait before the second look at the job (default 500 ms), doubling up to 10 s between looks. */
	pollDelayMs?: number;
	/** How long the job may take to complete before the listing gives up on Bulk (default 5 minutes). */
	jobWaitMs?: number;
	/** Records already delivered by another path (the REST first page), in the query's order: not delivered again. */
	skip?: number;
	counter?: CallCounter;
};

/**
 * The org will not run this listing as a Bulk API 2.0 job: it refused to create it (API disabled, no
 * permission: an HTTP 4xx) or the job failed, was aborted or did not complete in time. Nothing was
 * delivered yet, so the caller can list the same users over the REST query instead.
 */
export class BulkUnavailable extends Error {
	override name = 'BulkUnavailable';
}

// 10,000 rows a set: a 50,000-row set held the app about 90 MB higher at 100,000 users (bench), for 4 calls fewer.
const defaultSetSize = 10_000;
const longestPollDelay = 10_000;

/** The columns a query's SELECT names, as Bulk API 2.0 heads its CSV: `Profile.Name`. */
function selectedColumns(soql: string): string[] {
	const match = /^\s*SELECT\s+(.+?)\s+FROM\s/i.exec(soql);
	return match ? match[1]!.split(',').map((column) => column.trim()) : [];
}

async function pause(milliseconds: number, signal: AbortSignal): Promise<void> {
	signal.throwIfAborted();
	await new Promise<void>((resolve, reject) => {
		const done = () => {
			clearTimeout(timer);
			reject(signal.reason);
		};

		const timer = setTimeout(() => {
			signal.removeEventListener('abort', done);
			resolve();
		}, milliseconds);
		signal.addEventListener('abort', done, {once: true});
	});
}

function unexpected(target: string, asked: string, reason: string): SalesforceFailure {
	return new SalesforceFailure('UNEXPECTED_ANSWER', `Asked ${target} for ${asked} and got CSV that is not what Salesforce sends (${reason}); check that the instance URL is the org's own.`, false);
}

function endless(target: string, reason: string): SalesforceFailure {
	return new SalesforceFailure(
		'ENDLESS_PAGING',
		`The Bulk API results from ${target} do not end (${reason}); nothing was taken from them. This is not how Salesforce pages query results: check that the instance URL is the org's own.`,
		false,
	);
}

/** CSV has no null: Bulk API 2.0 writes an empty field, which for text fields is what REST sends as null. */
const blank = (value: string | undefined) => (value === undefined || value === '' ? null : value);

/** A row of the results as the REST query's JSON record, so that the same schema checks both. */
function rowAsRecord(columns: readonly string[], row: readonly string[]): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	for (const [index, column] of columns.entries()) {
		const value = row[index];
		const [head, field] = column.split('.');
		if (field === undefined) {
			record[head!] = column === 'IsActive' ? (value === 'true' ? true : value === 'false' ? false : value) : blank(value);
		} else {
			// A relationship without a record (no role) comes as an empty field, as REST's `"UserRole": null`.
			const text = blank(value);
			record[head!] = text === null ? null : {[field]: text};
		}
	}

	return record;
}

/**
 * Reads users with a Bulk API 2.0 query job under the signal it is given: creates the job, looks at it
 * until it is complete (waiting longer between looks, within jobWaitMs and the signal), then reads its
 * CSV results set by set (maxRecords, Sforce-Locator), checked and turned into the same SalesforceUser
 * records the REST listing gives, one onBatch per set.
 */
export async function readUsersInBulk(connection: Connection, signal: AbortSignal, options: BulkReadOptions): Promise<SalesforceUser[]> {
	const {soql, onBatch, onRetry, retries, maxRecords = defaultSetSize, pollDelayMs = 500, jobWaitMs = 5 * 60_000, skip = 0} = options;
	const counter = options.counter ?? {calls: 0};
	const limits = callLimitsOf(connection);
	const target = new URL(connection.instanceUrl).origin;
	const base = `/services/data/v${connection.version}/jobs/query`;
	const call = async (path: string, asked: string, request: {method?: 'GET' | 'POST'; body?: unknown; accept?: string} = {}) =>
		withRetries(
			async () => {
				counter.calls++;
				return restRequest(connection, path, {asked, kind: 'user-listing', signal, ...request});
			},
			{onRetry, signal, retries, minTimeoutMs: limits.retryDelayMs},
		);
	const jobAnswer = (asked: string, answer: {status: number; contentType: string | null; bytes: ArrayBuffer}) =>
		parseAnswer({target, asked}, {status: answer.status, contentType: answer.contentType, text: new TextDecoder().decode(answer.bytes)}, bulkQueryJob);

	let created;
	try {
		created = await call(base, 'a Bulk API 2.0 query job of users', {method: 'POST', body: {operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF'}});
	} catch (error: unknown) {
		// A 401 was already renewed once and means the session is gone: REST would fail the same way.
		if (error instanceof SalesforceApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
			throw new BulkUnavailable(`${target} refused a Bulk API 2.0 query job (HTTP ${error.status} ${error.name}: ${error.message})`, {cause: error});
		}

		throw error;
	}

	let job = jobAnswer('a Bulk API 2.0 query job of users', created);
	const startedAt = Date.now();
	let delay = pollDelayMs;
	for (let look = 1; job.state !== 'JobComplete'; look++) {
		if (job.state === 'Failed' || job.state === 'Aborted') {
			throw new BulkUnavailable(`the Bulk API 2.0 query job ${job.id} on ${target} ${job.state === 'Failed' ? 'failed' : 'was aborted'}${job.errorMessage ? `: ${job.errorMessage}` : ''}`);
		}

		if (Date.now() - startedAt > jobWaitMs) {
			throw new BulkUnavailable(`the Bulk API 2.0 query job ${job.id} on ${target} was still ${job.state} after ${Math.round(jobWaitMs / 1000)} s`);
		}

		// The first look follows creation at once: a small query is often complete by then.
		if (look > 1) {
			// eslint-disable-next-line no-await-in-loop
			await pause(delay, signal);
			delay = Math.min(delay * 2, longestPollDelay);
		}

		const asked = `the state of Bulk API 2.0 job ${job.id}`;
		// eslint-disable-next-line no-await-in-loop
		job = jobAnswer(asked, await call(`${base}/${job.id}`, asked));
	}

	const total = job.numberRecordsProcessed;
	if (total === undefined) {
		throw new SalesforceFailure('UNEXPECTED_ANSWER', `Asked ${target} for Bulk API 2.0 job ${job.id} and it said JobComplete without numberRecordsProcessed; check that the instance URL is the org's own.`, false);
	}

	const columns = selectedColumns(soql);
	const same = stringInterner();
	const users: SalesforceUser[] = [];
	const seen = new Set<string>();
	const cap = Math.ceil(total / maxRecords) + 1;
	let position = 0;
	let locator: string | undefined;
	for (let number = 1; ; number++) {
		const asked = `set ${number} of the results of Bulk API 2.0 job ${job.id}`;
		const query = new URLSearchParams({maxRecords: String(maxRecords), ...(locator === undefined ? {} : {locator})});
		// eslint-disable-next-line no-await-in-loop
		const answer = await call(`${base}/${job.id}/results?${query}`, asked, {accept: 'text/csv'});
		let rows: string[][];
		try {
			rows = readCsv(new TextDecoder().decode(answer.bytes));
		} catch (error: unknown) {
			throw unexpected(target, asked, (error as Error).message);
		}

		const [header, ...records] = rows;
		if (header === undefined || header.join(',') !== columns.join(',')) {
			throw unexpected(target, asked, `its columns are ${header ? header.slice(0, 20).join(', ') : 'missing'}, not ${columns.join(', ')}`);
		}

		const batch: SalesforceUser[] = [];
		for (const [index, row] of records.entries()) {
			// A set is up to 50,000 rows, read on the thread that answers keys (checking them takes about
			// 150 ms warm): let a key pressed meanwhile through every 2,000 rows.
			if (index > 0 && index % 2000 === 0) {
				// eslint-disable-next-line no-await-in-loop
				await new Promise((resolve) => {
					setImmediate(resolve);
				});
			}

			const parsed = userRecord.safeParse(rowAsRecord(columns, row));
			if (!parsed.success) {
				throw unexpected(target, asked, `row ${index + 1}: ${describeIssue(parsed.error)}`);
			}

			// Rows another path already delivered, in the same order, are not delivered twice.
			if (position++ >= skip) {
				batch.push(toSalesforceUser(parsed.data, same));
			}
		}

		for (const user of batch) {
			users.push(user);
		}

		if (position > total) {
			throw endless(target, `${position.toLocaleString('en-US')} records arrived of the ${total.toLocaleString('en-US')} the job processed`);
		}

		onBatch?.(batch, {loaded: Math.max(position, skip), total, apiCalls: counter.calls});
		const next = answer.headers.get('sforce-locator');
		if (next === null || next === '' || next === 'null') {
			return users;
		}

		if (seen.has(next) || number >= cap) {
			throw endless(target, seen.has(next) ? `it sent the same locator twice, after set ${number}` : `${number} sets for ${total.toLocaleString('en-US')} records, and still not done`);
		}

		seen.add(next);
		locator = next;
		signal.throwIfAborted();
	}
}

/** Lists users with a Bulk API 2.0 query job alone, under the user listing's deadline. */
export async function fetchUsersInBulk(connection: Connection, options: BulkReadOptions): Promise<SalesforceUser[]> {
	const target = new URL(connection.instanceUrl).origin;
	options.signal?.throwIfAborted();
	return withinDeadline('user-listing', {limits: callLimitsOf(connection), target, signal: options.signal}, async (signal) => readUsersInBulk(connection, signal, options));
}
