/**
 * An error the demo org answers with, shaped as Salesforce shapes it: the REST API sends
 * `[{"message": "...", "errorCode": "..."}]` with the documented HTTP status.
 */
export class RestError extends Error {
	override name = 'RestError';

	constructor(
		readonly status: number,
		readonly errorCode: string,
		message: string,
	) {
		super(message);
	}

	toBody(): Array<{message: string; errorCode: string}> {
		return [{message: this.message, errorCode: this.errorCode}];
	}
}

export function invalidSession(): RestError {
	return new RestError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
}

export function notFound(): RestError {
	return new RestError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

export function methodNotAllowed(method: string, allowed: string): RestError {
	return new RestError(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are ${allowed}`);
}

/**
 * Salesforce prefixes query errors with the query and a caret under the offending token, then
 * `ERROR at Row:r:Column:c`, then the sentence; clients that show only the last line still read well.
 */
export function soqlError(errorCode: string, soql: string, position: number | undefined, text: string): RestError {
	if (position === undefined || position < 0) {
		return new RestError(400, errorCode, text);
	}

	const before = soql.slice(0, position);
	const row = before.split('\n').length;
	const lineStart = before.lastIndexOf('\n') + 1;
	const lineEnd = soql.indexOf('\n', position);
	const line = soql.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
	const column = position - lineStart + 1;
	return new RestError(400, errorCode, `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${text}`);
}
