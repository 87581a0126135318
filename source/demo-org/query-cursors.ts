import {randomInt} from 'node:crypto';
import {RestError} from './rest-error.js';
import {idMinter} from './salesforce-id.js';
import type {SoqlResult} from './soql-engine.js';

/** Salesforce releases a cursor after 15 minutes without a queryMore. */
const idleLifetimeMs = 15 * 60 * 1000;
/** A user may hold 10 cursors; opening an eleventh releases the oldest. */
const cursorsPerUser = 10;

type Cursor = {result: SoqlResult; lastUsed: number};

/**
 * Open query results that more batches can be read from (`nextRecordsUrl`). A locator is a query-locator
 * id (key prefix 01g) and the number of records already returned, joined by a dash: `01g…-2000`.
 */
export class QueryCursors {
	#cursors = new Map<string, Cursor>();
	#mint = idMinter('01g', 'Dm', randomInt(1_000_000, 2_000_000_000));
	#count = 0;
	#now: () => number;

	constructor(now: () => number = Date.now) {
		this.#now = now;
	}

	open(result: SoqlResult): string {
		this.#expire();
		const id = this.#mint(this.#count++);
		this.#cursors.set(id, {result, lastUsed: this.#now()});
		while (this.#cursors.size > cursorsPerUser) {
			this.#cursors.delete(this.#cursors.keys().next().value!);
		}

		return id;
	}

	/** The result and position a locator names; the cursor is released once its last batch is read. */
	read(locator: string): {id: string; result: SoqlResult; position: number} {
		this.#expire();
		const match = /^([a-zA-Z\d]{18})-(\d+)$/.exec(locator);
		const cursor = match ? this.#cursors.get(match[1]!) : undefined;
		const position = match ? Number(match[2]) : Number.NaN;
		if (!match || !cursor || position > cursor.result.rows.length) {
			throw new RestError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
		}

		cursor.lastUsed = this.#now();
		return {id: match[1]!, result: cursor.result, position};
	}

	release(id: string): void {
		this.#cursors.delete(id);
	}

	#expire(): void {
		const oldest = this.#now() - idleLifetimeMs;
		for (const [id, cursor] of this.#cursors) {
			if (cursor.lastUsed < oldest) {
				this.#cursors.delete(id);
			}
		}
	}
}
