import {parentPort} from 'node:worker_threads';
import {SalesforceFailure} from './salesforce-failure.js';
import {readUserBatch} from './user-batch.js';
import type {BatchReply, BatchRequest} from './user-batch-parser.js';
import {stringInterner} from './user-record.js';

/*
 * Reads pages of users for one listing, off the thread that draws the screen: decoding, JSON parsing,
 * checking and converting 2,000 records, and the garbage they leave, happen here. The users go back in
 * slices, each its own message, so that a key pressed meanwhile is handled between two of them.
 */

const sliceSize = 250;
const same = stringInterner();
const port = parentPort!;

port.on('message', ({id, request, answer}: BatchRequest) => {
	const reply = (message: BatchReply) => {
		port.postMessage(message);
	};

	try {
		const {users, ...paging} = readUserBatch(request, answer, same);
		reply({id, kind: 'paging', paging, count: users.length});
		for (let start = 0; start < users.length; start += sliceSize) {
			reply({id, kind: 'users', users: users.slice(start, start + sliceSize)});
		}
	} catch (error: unknown) {
		reply(
			error instanceof SalesforceFailure
				? {id, kind: 'failed', failure: {code: error.code, message: error.message, retryable: error.retryable}}
				: {id, kind: 'failed', failure: {message: error instanceof Error ? error.message : String(error)}},
		);
	}
});
