import {isAppError} from '../app/app-error.js';
import {NotAdminError} from '../core/admin-policy.js';
import {describeError} from '../session.js';
import {UsageError} from './usage-error.js';

/**
 * A run command that failed or was refused under --json still prints one object on standard output, so a
 * script reading it learns why; the reason goes to standard error as for every command.
 */
export function writeRunFailure(error: unknown, json: boolean, out: NodeJS.WritableStream): void {
	if (!json || error instanceof UsageError) {
		return;
	}

	const code = isAppError(error) ? error.code : error instanceof NotAdminError ? 'not-admin' : 'failed';
	out.write(`${JSON.stringify({status: 'failed', code, error: describeError(error)})}\n`);
}
