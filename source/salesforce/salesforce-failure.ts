/**
 * Why a call to the org failed where the org itself gave no error code: its answer was not what Salesforce
 * sends, a time limit ran out, its paging did not end, or its address is not safe to send tokens to.
 */
export type SalesforceFailureCode =
	| 'NOT_JSON'
	| 'EMPTY_ANSWER'
	| 'HTML_ANSWER'
	| 'UNEXPECTED_ANSWER'
	| 'REQUEST_TIMEOUT'
	| 'DEADLINE_EXCEEDED'
	| 'ENDLESS_PAGING'
	| 'INSECURE_URL'
	| 'INVALID_LIMIT';

/**
 * A failure at the boundary with Salesforce that carries its own classification (a code, whether trying
 * again unchanged may help) beside its words, so that callers classify it without reading the message.
 */
export class SalesforceFailure extends Error {
	override name = 'SalesforceFailure';
	constructor(
		readonly code: SalesforceFailureCode,
		message: string,
		readonly retryable: boolean,
	) {
		super(message);
	}
}
