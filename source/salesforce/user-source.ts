import type {Connection} from 'jsforce';
import type {SalesforceUser} from '../core/salesforce-user.js';
import {restGet} from './rest-get.js';
import {withRetries, type RetryNotice} from './with-retries.js';

/** Sorted by name so that the first batch already fills the first pages in their final order; Id breaks ties. */
export const userQuery =
	'SELECT Id, FirstName, LastName, Email, Username, IsActive, UserType, Title, Department, Profile.Name FROM User ORDER BY LastName, FirstName, Id';

/** A User as the REST API returns it for userQuery. */
type UserRecord = {
	Id: string;
	FirstName: string | null;
	LastName: string;
	Email: string | null;
	Username: string;
	IsActive: boolean;
	UserType: string;
	Title: string | null;
	Department: string | null;
	Profile: {Name: string | null} | null;
};

export type LoadProgress = {loaded: number; total: number};

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
};

export function toSalesforceUser(record: UserRecord): SalesforceUser {
	return {
		id: record.Id,
		firstName: record.FirstName ?? null,
		lastName: record.LastName,
		email: record.Email ?? null,
		username: record.Username,
		isActive: record.IsActive === true,
		userType: record.UserType,
		title: record.Title ?? null,
		department: record.Department ?? null,
		profileName: record.Profile?.Name ?? null,
	};
}

type QueryPage = {totalSize: number; done: boolean; nextRecordsUrl?: string; records: UserRecord[]};

/**
 * Lists every user of the org one batch at a time (query, then queryMore while the result is not done),
 * so a caller can show the first page while the rest of a large org is still on its way. Each batch is
 * one REST call, retried on its own when the network or Salesforce fails for a moment.
 */
export async function fetchSalesforceUsers(connection: Connection, options: FetchUsersOptions = {}): Promise<SalesforceUser[]> {
	const {batchSize, onBatch, onRetry, signal, retries} = options;
	const headers: Record<string, string> = batchSize === undefined ? {} : {'Sforce-Query-Options': `batchSize=${batchSize}`};
	const page = async (url: string) => withRetries(async () => restGet<QueryPage>(connection, url, {headers, signal}), {onRetry, signal, retries});

	const users: SalesforceUser[] = [];
	signal?.throwIfAborted();
	let result = await page(`/services/data/v${connection.version}/query?q=${encodeURIComponent(userQuery)}`);
	for (;;) {
		const batch = result.records.map((record) => toSalesforceUser(record));
		users.push(...batch);
		onBatch?.(batch, {loaded: users.length, total: result.totalSize});
		if (result.done || !result.nextRecordsUrl) {
			return users;
		}

		signal?.throwIfAborted();
		result = await page(result.nextRecordsUrl);
	}
}
