import type {QueryCursors} from './query-cursors.js';
import type {SoqlResult} from './soql-engine.js';

const defaultBatchSize = 2000;
const minimumBatchSize = 200;

/**
 * Salesforce documents batchSize as 200 to 2,000 (default 2,000) and as a request it may adjust. The demo
 * org raises a smaller request to 200 and lowers a larger one to 2,000, and ignores one it cannot read.
 */
export function requestedBatchSize(header: string | string[] | undefined): number {
	const text = Array.isArray(header) ? header.join(',') : header ?? '';
	const match = /batchSize\s*=\s*(\d+)/i.exec(text);
	if (!match) {
		return defaultBatchSize;
	}

	return Math.min(defaultBatchSize, Math.max(minimumBatchSize, Number(match[1])));
}

/**
 * One batch of a query result as the query resource answers it: `totalSize`, `done`, `nextRecordsUrl` while
 * records remain (opening a cursor for them on the first batch, releasing it after the last), `records`.
 * A batch that will not arrive whole (a fault injected on purpose) keeps its cursor, so a retry can read it.
 */
export function queryBatch(
	cursors: QueryCursors,
	result: SoqlResult,
	position: number,
	batchSize: number,
	version: string,
	cursorId: string | undefined,
	releaseWhenDone = true,
) {
	if (result.countOnly) {
		return {totalSize: result.totalSize, done: true, records: []};
	}

	const end = result.singleBatch ? result.rows.length : Math.min(result.rows.length, position + batchSize);
	const records = result.rows.slice(position, end).map((record) => result.project(record, version));
	const done = end >= result.rows.length || result.firstBatchOnly;
	let nextId = cursorId;
	if (done && cursorId !== undefined && releaseWhenDone) {
		cursors.release(cursorId);
	} else if (!done && nextId === undefined) {
		nextId = cursors.open(result);
	}

	return {
		totalSize: result.firstBatchOnly ? records.length : result.totalSize,
		done,
		...(done ? {} : {nextRecordsUrl: `/services/data/v${version}/query/${nextId}-${end}`}),
		records,
	};
}
