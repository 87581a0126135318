import {idMinter} from './salesforce-id.js';
import {RestError} from './rest-error.js';
import type {SoqlResult} from './soql-engine.js';

/**
 * Bulk API 2.0 query jobs (`/jobs/query`), as the Bulk API 2.0 Developer Guide's query walkthrough shows
 * them: a job is created UploadComplete, is seen InProgress and then JobComplete by the polls that follow
 * (one step per look, so a client sees every state), and its results are CSV in sets of at most
 * maxRecords, each naming the next set in Sforce-Locator (`null` after the last).
 */

export type JobState = 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted' | 'Failed';

const delimiters: Record<string, string> = {COMMA: ',', TAB: '\t', SEMICOLON: ';', PIPE: '|', CARET: '^', BACKQUOTE: '`'};
/** Without maxRecords, a set holds this many records (Salesforce sizes sets by bytes; this is a plausible count). */
const defaultSetSize = 50_000;

type Job = {
	id: string;
	operation: 'query' | 'queryAll';
	object: string;
	createdById: string;
	createdDate: string;
	state: JobState;
	apiVersion: string;
	lineEnding: 'LF' | 'CRLF';
	columnDelimiter: string;
	result: SoqlResult;
	/** Looks at the job before it completes. */
	polls: number;
};

export type CreateJobRequest = {operation?: unknown; query?: unknown; contentType?: unknown; columnDelimiter?: unknown; lineEnding?: unknown};

function invalid(message: string, errorCode = 'INVALIDJOB'): RestError {
	return new RestError(400, errorCode, message);
}

export class BulkQueryJobs {
	#jobs = new Map<string, Job>();
	#mint = idMinter('750', 'Dm', 3_000_000);
	#count = 0;

	/** Jobs created since the org started, for the DailyBulkV2QueryJobs limit. */
	get created(): number {
		return this.#count;
	}

	/** Checks the request, runs the query at once (the demo org is fast), and answers the new job. */
	create(body: unknown, run: (soql: string) => SoqlResult, userId: string, version: string) {
		const request = (typeof body === 'object' && body !== null ? body : {}) as CreateJobRequest;
		if (request.operation !== 'query' && request.operation !== 'queryAll') {
			throw invalid(`Invalid operation: ${String(request.operation ?? '')}. Use query or queryAll.`, 'API_ERROR');
		}

		if (typeof request.query !== 'string' || request.query.trim() === '') {
			throw invalid('A query is required.', 'API_ERROR');
		}

		if (request.contentType !== undefined && request.contentType !== 'CSV') {
			throw invalid(`Invalid contentType: ${String(request.contentType)}. Only CSV is supported.`, 'API_ERROR');
		}

		const columnDelimiter = request.columnDelimiter ?? 'COMMA';
		if (typeof columnDelimiter !== 'string' || !(columnDelimiter in delimiters)) {
			throw invalid(`Invalid columnDelimiter: ${String(columnDelimiter)}`, 'API_ERROR');
		}

		const lineEnding = request.lineEnding ?? 'LF';
		if (lineEnding !== 'LF' && lineEnding !== 'CRLF') {
			throw invalid(`Invalid lineEnding: ${String(lineEnding)}`, 'API_ERROR');
		}

		const result = run(request.query);
		// "Understanding Bulk API 2.0 Query": no GROUP BY, aggregate functions or OFFSET.
		if (result.singleBatch || result.countOnly) {
			throw invalid('Aggregate queries are not supported by Bulk API 2.0 query jobs.', 'API_ERROR');
		}

		if (result.firstBatchOnly) {
			throw invalid('OFFSET is not supported by Bulk API 2.0 query jobs.', 'API_ERROR');
		}

		const now = new Date().toISOString().replace(/\.\d{3}Z$/, '.000+0000');
		const job: Job = {
			id: this.#mint(this.#count++),
			operation: request.operation,
			object: result.table.name,
			createdById: userId,
			createdDate: now,
			state: 'UploadComplete',
			apiVersion: version,
			lineEnding,
			columnDelimiter,
			result,
			polls: 0,
		};
		this.#jobs.set(job.id, job);
		return this.#info(job, false);
	}

	/** One look at a job: each look moves it one state on, until it is complete. */
	check(id: string) {
		const job = this.#find(id);
		if (job.state === 'UploadComplete') {
			job.state = 'InProgress';
		} else if (job.state === 'InProgress') {
			job.state = 'JobComplete';
		}

		return this.#info(job, true);
	}

	list() {
		return {done: true, records: [...this.#jobs.values()].map((job) => this.#info(job, false)), nextRecordsUrl: null};
	}

	abort(id: string, body: unknown) {
		const job = this.#find(id);
		const state = typeof body === 'object' && body !== null ? (body as {state?: unknown}).state : undefined;
		if (state !== 'Aborted') {
			throw invalid(`Invalid state: ${String(state)}. A query job can only be aborted.`, 'INVALIDJOBSTATE');
		}

		if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') {
			throw invalid(`Cannot abort a job in state ${job.state}.`, 'INVALIDJOBSTATE');
		}

		job.state = 'Aborted';
		return this.#info(job, false);
	}

	delete(id: string): void {
		const job = this.#find(id);
		if (job.state === 'UploadComplete' || job.state === 'InProgress') {
			throw invalid(`Cannot delete a job in state ${job.state}: abort it first.`, 'INVALIDJOBSTATE');
		}

		this.#jobs.delete(id);
	}

	/** One set of results: CSV text, the record count, and the locator of the next set ('null' after the last). */
	results(id: string, locator: string | null, maxRecords: string | null, version: string, projectCsv: (result: SoqlResult, start: number, end: number, delimiter: string, lineEnding: string, header: boolean) => string) {
		const job = this.#find(id);
		if (job.apiVersion !== version) {
			throw new RestError(409, 'INVALIDJOB', `Get the results of this job with API version ${job.apiVersion}, the version it was created with.`);
		}

		if (job.state !== 'JobComplete') {
			throw invalid(`The job is ${job.state}; results are available once it is JobComplete.`, 'INVALIDJOBSTATE');
		}

		const size = maxRecords === null ? defaultSetSize : Number(maxRecords);
		if (!Number.isInteger(size) || size < 1) {
			throw invalid(`Invalid maxRecords: ${maxRecords}`, 'INVALIDURL');
		}

		const start = locator === null ? 0 : decodeLocator(locator, job.result.rows.length);
		const end = Math.min(job.result.rows.length, start + size);
		const csv = projectCsv(job.result, start, end, delimiters[job.columnDelimiter]!, job.lineEnding === 'CRLF' ? '\r\n' : '\n', true);
		return {csv, count: end - start, next: end >= job.result.rows.length ? 'null' : encodeLocator(end)};
	}

	#find(id: string): Job {
		const job = this.#jobs.get(id);
		if (!job) {
			throw new RestError(404, 'NOT_FOUND', 'The requested resource does not exist');
		}

		return job;
	}

	#info(job: Job, detailed: boolean) {
		const info = {
			id: job.id,
			operation: job.operation,
			object: job.object,
			createdById: job.createdById,
			createdDate: job.createdDate,
			systemModstamp: job.createdDate,
			state: job.state,
			concurrencyMode: 'Parallel',
			contentType: 'CSV',
			apiVersion: Number(job.apiVersion),
			lineEnding: job.lineEnding,
			columnDelimiter: job.columnDelimiter,
		};
		if (!detailed) {
			return info;
		}

		return {
			...info,
			jobType: 'V2Query',
			numberRecordsProcessed: job.state === 'JobComplete' ? job.result.rows.length : 0,
			retries: 0,
			totalProcessingTime: job.state === 'JobComplete' ? 1 : 0,
			isPkChunkingSupported: true,
		};
	}
}

/** Locators are opaque to clients: the position, in base 36. */
function encodeLocator(position: number): string {
	return Buffer.from(`pos:${position.toString(36)}`).toString('base64url');
}

function decodeLocator(locator: string, length: number): number {
	const match = /^pos:([\da-z]+)$/.exec(Buffer.from(locator, 'base64url').toString('utf8'));
	const position = match ? Number.parseInt(match[1]!, 36) : Number.NaN;
	if (!Number.isInteger(position) || position < 0 || position > length) {
		throw invalid(`Invalid locator: ${locator}`, 'INVALIDLOCATOR');
	}

	return position;
}
