import {Worker} from 'node:worker_threads';
import type {SalesforceUser} from '../core/salesforce-user.js';
import type {AnswerBody} from './rest-get.js';
import {SalesforceFailure, type SalesforceFailureCode} from './salesforce-failure.js';
import {readUserBatch, type UserBatch} from './user-batch.js';
import type {AskedFor} from './unexpected-answer.js';
import {stringInterner, type Interner} from './user-record.js';

export type BatchRequest = {id: number; request: AskedFor; answer: AnswerBody};
export type BatchReply =
	| {id: number; kind: 'paging'; paging: Omit<UserBatch, 'users'>; count: number}
	| {id: number; kind: 'users'; users: SalesforceUser[]}
	| {id: number; kind: 'failed'; failure: {code?: SalesforceFailureCode; message: string; retryable?: boolean}};

export type UserBatchParser = {
	read: (request: AskedFor, answer: AnswerBody) => Promise<UserBatch>;
	close: () => Promise<void>;
};

// Built, the worker is a .js file beside this one. Run from source (the tests that import the sources),
// Node 20 cannot start a TypeScript worker, so the pages are read in this thread, by the same function.
const fromSource = import.meta.url.endsWith('.ts');

/**
 * Where the pages of one listing are read: a worker thread, so that parsing 2,000 records never holds
 * the thread that answers keys. Strings the worker shares (profile, department) arrive as copies, one per
 * message; they are shared again here.
 */
export function openUserBatchParser(): UserBatchParser {
	const same = stringInterner();
	if (fromSource) {
		return {read: async (request, answer) => readUserBatch(request, answer, same), close: async () => undefined};
	}

	let worker: Worker | undefined;
	let workerFailed = false;
	let nextId = 0;
	type Pending = {paging?: Omit<UserBatch, 'users'>; count: number; users: SalesforceUser[]; resolve: (batch: UserBatch) => void; reject: (error: Error) => void};
	const pending = new Map<number, Pending>();
	const failAll = (error: Error) => {
		for (const waiting of pending.values()) {
			waiting.reject(error);
		}

		pending.clear();
	};

	const onReply = (reply: BatchReply) => {
		const waiting = pending.get(reply.id);
		if (!waiting) {
			return;
		}

		if (reply.kind === 'failed') {
			pending.delete(reply.id);
			if (pending.size === 0) {
				worker?.unref();
			}

			const {code, message, retryable} = reply.failure;
			waiting.reject(code === undefined ? new Error(message) : new SalesforceFailure(code, message, retryable === true));
			return;
		}

		if (reply.kind === 'paging') {
			waiting.paging = reply.paging;
			waiting.count = reply.count;
		} else {
			for (const user of reply.users) {
				waiting.users.push(shareStrings(user, same));
			}
		}

		if (waiting.paging && waiting.users.length === waiting.count) {
			pending.delete(reply.id);
			if (pending.size === 0) {
				worker?.unref();
			}

			waiting.resolve({...waiting.paging, users: waiting.users});
		}
	};

	return {
		async read(request, answer) {
			if (worker === undefined || workerFailed) {
				// The first page is read here at once, for the first screen; the worker starts for the rest.
				const batch = readUserBatch(request, answer, same);
				if (worker === undefined && !batch.done && batch.nextRecordsUrl) {
					worker = new Worker(new URL('user-batch-worker.js', import.meta.url));
					worker.unref();
					worker.on('error', (error) => {
						// Pages still to come are read here, as the first was.
						workerFailed = true;
						failAll(error);
					});
					worker.on('message', onReply);
				}

				return batch;
			}

			const id = nextId++;
			worker.ref();
			const started = worker;
			return new Promise<UserBatch>((resolve, reject) => {
				pending.set(id, {count: Number.POSITIVE_INFINITY, users: [], resolve, reject});
				started.postMessage({id, request, answer} satisfies BatchRequest, [answer.bytes]);
			});
		},
		async close() {
			failAll(new Error('The listing ended.'));
			await worker?.terminate();
		},
	};
}

function shareStrings(user: SalesforceUser, same: Interner): SalesforceUser {
	user.userType = same(user.userType) ?? user.userType;
	user.title = same(user.title);
	user.department = same(user.department);
	user.profileName = same(user.profileName);
	user.roleName = same(user.roleName);
	return user;
}
