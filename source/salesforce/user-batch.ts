import type {SalesforceUser} from '../core/salesforce-user.js';
import {userPage} from './answer-schemas.js';
import type {AnswerBody} from './rest-get.js';
import {parseAnswer, type AskedFor} from './unexpected-answer.js';
import {toSalesforceUser, type Interner} from './user-record.js';

/** A page of the org's users, read: its paging and its users, in the app's shape. */
export type UserBatch = {totalSize: number; done: boolean; nextRecordsUrl: string | undefined; users: SalesforceUser[]};

/** Reads one answer to a user query: decoded, checked against Salesforce's shape (a failure in words), converted. */
export function readUserBatch(request: AskedFor, answer: AnswerBody, same: Interner): UserBatch {
	const text = new TextDecoder().decode(answer.bytes);
	const page = parseAnswer(request, {status: answer.status, contentType: answer.contentType, text}, userPage);
	return {totalSize: page.totalSize, done: page.done, nextRecordsUrl: page.nextRecordsUrl, users: page.records.map((record) => toSalesforceUser(record, same))};
}
