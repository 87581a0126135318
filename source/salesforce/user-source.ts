import type {Connection} from 'jsforce';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {salesObjects, type ActivityScope, type SalesObject} from '../core/sync-scope.js';
import {callLimitsOf, withinDeadline} from './call-limits.js';
import {restGetBody} from './rest-get.js';
import {openUserBatchParser} from './user-batch-parser.js';
import {SalesforceFailure} from './salesforce-failure.js';
import {withRetries, type RetryNotice} from './with-retries.js';
import {BulkUnavailable, readUsersInBulk} from './bulk-user-source.js';

export {stringInterner, toSalesforceUser, type Interner} from './user-record.js';

const userFields =
	'SELECT Id, FirstName, LastName, Email, Username, IsActive, UserType, Title, Department, Profile.Name, UserRole.Name, FederationIdentifier, SystemModstamp FROM User';
/** Sorted by name so that the first batch already fills the first pages in their final order; Id breaks ties. */
const userOrder = 'ORDER BY LastName, FirstName, Id';

export const userQuery = `${userFields} ${userOrder}`;

/**
 * Which users a read asks Salesforce for. An org with Experience Cloud sites holds up to millions of
 * customer and partner users that can never be imported: asking for them only to drop them on the client
 * costs calls, time and memory that grow with the org instead of with its sellers.
 * - `importable`: active Standard users, what the Users tab lists and `import --all` takes;
 * - `rest`: everyone else, fetched only when the admin asks to see them (`h`);
 * - `standard`: Standard users, active or not, what sync needs (it imports the active ones and
 *   deactivates people whose linked user became inactive; only Standard users are ever linked);
 * - `all`: every user.
 */
export type UserPart = 'importable' | 'rest' | 'standard' | 'all';

const importableCondition = "IsActive = true AND UserType = 'Standard'";
const partConditions: Record<UserPart, string | undefined> = {
	importable: importableCondition,
	rest: `NOT (${importableCondition})`,
	standard: "UserType = 'Standard'",
	all: undefined,
};

/** The SOQL for a part of the org's users, optionally only those changed after a moment. */
export function usersQuery(part: UserPart, since?: string): string {
	const conditions = [partConditions[part], since === undefined ? undefined : `SystemModstamp > ${soqlDateTime(since)}`].filter(
		(condition): condition is string => condition !== undefined,
	);
	const where = conditions.length === 0 ? '' : ` WHERE ${conditions.map((condition) => (conditions.length > 1 && condition.startsWith('NOT') ? `(${condition})` : condition)).join(' AND ')}`;
	return `${userFields}${where} ${userOrder}`;
}

/**
 * The users changed after a moment (SystemModstamp, which every change to a user moves, IsActive included):
 * what an incremental sync asks for. The moment is written as a SOQL date-time literal, in UTC.
 */
export function changedUsersQuery(since: string, part: UserPart = 'all'): string {
	return usersQuery(part, since);
}

function soqlDateTime(since: string): string {
	const time = Date.parse(since);
	if (Number.isNaN(time)) {
		throw new TypeError(`"${since}" is not a date-time.`);
	}

	// SOQL date-time literals take no quotes and no fraction of a second: 2026-05-01T09:30:00Z.
	return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The users who own records of one object created or changed in the last `days` days, asked with a
 * semi-join so that Salesforce, not this app, goes through the records: only the owners come back.
 *
 * One query per object, not one query with a semi-join per object joined by OR: SOQL allows at most two
 * semi-joins in a query and refuses OR between them, so "owns an opportunity or a task or an event" is
 * three queries whose users the caller unites. LastModifiedDate is set on creation too, so it covers both.
 */
export function activityOwnersQuery(object: SalesObject, days: number): string {
	if (!salesObjects.includes(object) || !Number.isInteger(days) || days < 1) {
		throw new TypeError(`No activity query for ${object} over ${days} days.`);
	}

	return `${userFields} WHERE Id IN (SELECT OwnerId FROM ${object} WHERE LastModifiedDate = LAST_N_DAYS:${days}) ${userOrder}`;
}

/** How far a listing is, and how many calls to the org it has cost so far (REST pages, or Bulk job calls). */
export type LoadProgress = {loaded: number; total: number; apiCalls: number};

/**
 * Above this many users, the rest of a listing is read with a Bulk API 2.0 job (see fetchSalesforceUsers).
 * Not lower: the job's CSV is read on the thread that draws (REST pages are parsed in a worker), and at
 * 100,000 users the bench saw the app 50 MB higher and a second slower with Bulk, for 45 calls fewer.
 */
export const defaultBulkThreshold = 200_000;

export type FetchUsersOptions = {
	/** Records per batch, 200 to 2,000 (Salesforce's default and maximum is 2,000). */
	batchSize?: number;
	/** Called once per batch, in order, as soon as it arrives. */
	onBatch?: (batch: SalesforceUser[], progress: LoadProgress) => void;
	/** Told when a batch failed for a passing reason and is asked again. */
	onRetry?: (notice: RetryNotice) => void;
	signal?: AbortSignal;
	/** Retries per batch (default 4); each batch gets its own, since a large org is many calls. */
	retries?: number;
	/** Only users changed after this moment (ISO 8601), for an incremental sync. */
	modifiedSince?: string;
	/** Another query of User with userQuery's fields and order (activityOwnersQuery); overrides modifiedSince and part. */
	soql?: string;
	/** Which users to ask for (default every user). */
	part?: UserPart;
	/** When the first page says the listing has more users than this, the rest comes from a Bulk API 2.0 job (default 50,000; Infinity: never). */
	bulkThreshold?: number;
	/** Records per set of Bulk results (default 50,000). */
	bulkSetSize?: number;
	/** The first wait between looks at a Bulk job (default 500 ms). */
	bulkPollDelayMs?: number;
	/** Told, in one sentence, when the listing goes on over REST because the org would not run it in Bulk. */
	onNotice?: (message: string) => void;
};

/**
 * Salesforce returns at least this many records per batch of a query that is not done (it may return fewer
 * than the batch size asked for, never fewer than 200), so a listing of totalSize records needs at most
 * this many pages; more means the org's paging does not end.
 */
const smallestBatch = 200;

export function pageCap(totalSize: number): number {
	return Math.ceil(totalSize / smallestBatch) + 1;
}

function endlessPaging(target: string, reason: string): SalesforceFailure {
	return new SalesforceFailure(
		'ENDLESS_PAGING',
		`The user list from ${target} does not end (${reason}); nothing was taken from it. This is not how Salesforce pages a query: check that the instance URL is the org's own.`,
		false,
	);
}

/**
 * Lists every user of the org one batch at a time (query, then queryMore while the result is not done),
 * or, when the first page says there are more than bulkThreshold, the rest as one Bulk API 2.0 query job.
 *
 * Why after the first page rather than a COUNT() query before it: the first page costs one call, as a
 * COUNT() would, but it also brings the totalSize and the first 2,000 users for the first screen, so it
 * is never the dearer choice. A million users then cost 1 page + 1 job + a few looks + 20 sets of 50,000
 * (about 25 calls) instead of 500 pages. Below the threshold a job's create and looks cost more than the
 * pages they replace, and are slower to a first screen. The job's rows are in the same order (same SOQL),
 * so the ones the first page brought are skipped by position.
 * so a caller can show the first page while the rest of a large org is still on its way. Each batch is
 * one REST call, retried on its own when the network or Salesforce fails for a moment; the whole listing
 * has a deadline, and stops when the org's paging would not end.
 */
export async function fetchSalesforceUsers(connection: Connection, options: FetchUsersOptions = {}): Promise<SalesforceUser[]> {
	const {batchSize, onBatch, onRetry, onNotice, retries, modifiedSince, soql: given, part = 'all', bulkThreshold = defaultBulkThreshold} = options;
	const headers: Record<string, string> = batchSize === undefined ? {} : {'Sforce-Query-Options': `batchSize=${batchSize}`};
	const limits = callLimitsOf(connection);
	const target = new URL(connection.instanceUrl).origin;
	options.signal?.throwIfAborted();
	const soql = given ?? usersQuery(part, modifiedSince);
	const parser = openUserBatchParser();
	const counter = {calls: 0};
	try {
		return await withinDeadline('user-listing', {limits, target, signal: options.signal}, async (signal) => {
			const page = async (url: string, number: number) =>
				withRetries(
					async () => {
						const asked = `page ${number} of the org's users`;
						counter.calls++;
						const answer = await restGetBody(connection, url, {asked, kind: 'user-listing', headers, signal});
						return parser.read({target, asked}, answer);
					},
					{onRetry, signal, retries, minTimeoutMs: limits.retryDelayMs},
				);

			const users: SalesforceUser[] = [];
			const seen = new Set<string>();
			let result = await page(`/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`, 1);
			const {totalSize} = result;
			for (let number = 1; ; number++) {
				const batch = result.users;
				for (const user of batch) {
					users.push(user);
				}

				if (users.length > totalSize) {
					throw endlessPaging(target, `${users.length.toLocaleString('en-US')} users arrived of the ${totalSize.toLocaleString('en-US')} it announced`);
				}

				onBatch?.(batch, {loaded: users.length, total: totalSize, apiCalls: counter.calls});
				if (result.done || !result.nextRecordsUrl) {
					return users;
				}

				if (number === 1 && totalSize > bulkThreshold) {
					try {
						// eslint-disable-next-line no-await-in-loop
						const rest = await readUsersInBulk(connection, signal, {
							soql,
							onBatch,
							onRetry,
							retries,
							signal,
							skip: users.length,
							counter,
							maxRecords: options.bulkSetSize,
							pollDelayMs: options.bulkPollDelayMs ?? limits.retryDelayMs,
						});
						for (const user of rest) {
							users.push(user);
						}

						return users;
					} catch (error: unknown) {
						if (!(error instanceof BulkUnavailable)) {
							throw error;
						}

						// Nothing came from the job: the REST cursor goes on where the first page left it.
						onNotice?.(`Listing the rest over the REST query: ${error.message}.`);
					}
				}

				if (seen.has(result.nextRecordsUrl)) {
					throw endlessPaging(target, `it sent the same next page twice, after page ${number}`);
				}

				if (number >= pageCap(totalSize)) {
					throw endlessPaging(target, `${number} pages for ${totalSize.toLocaleString('en-US')} users, and still not done`);
				}

				seen.add(result.nextRecordsUrl);
				signal.throwIfAborted();
				// eslint-disable-next-line no-await-in-loop
				result = await page(result.nextRecordsUrl, number + 1);
			}
		});
	} finally {
		await parser.close();
	}
}

/**
 * The users who own recent activity in the objects the scope names: one query per object (see
 * activityOwnersQuery), united by id, in the order the first query that returned each gave it.
 */
export async function fetchActivityOwners(connection: Connection, activity: ActivityScope, options: Omit<FetchUsersOptions, 'soql' | 'modifiedSince' | 'onBatch'> = {}): Promise<SalesforceUser[]> {
	const owners = new Map<string, SalesforceUser>();
	for (const object of activity.objects) {
		// One after the other: each is a cursor on the org, and a user's allowance of open cursors is small.
		// eslint-disable-next-line no-await-in-loop
		for (const user of await fetchSalesforceUsers(connection, {...options, soql: activityOwnersQuery(object, activity.days)})) {
			if (!owners.has(user.id)) {
				owners.set(user.id, user);
			}
		}
	}

	return [...owners.values()];
}
