import {UserFacingError} from '../core/user-facing-error.js';

/** What kind of refusal or failure, for a caller that chooses an exit code or a screen by it. */
export type AppErrorCode =
	| 'not-admin'
	| 'salesforce-rights'
	| 'write-wait-expired'
	| 'run-failed'
	| 'nothing-to-undo';

/**
 * A use case refused or failed; its message is the sentence a user reads, with what to do. The original
 * error, if any, is its cause.
 */
export class AppError extends UserFacingError {
	override name = 'AppError';

	constructor(
		readonly code: AppErrorCode,
		message: string,
		options?: {cause?: unknown},
	) {
		super(message, options);
	}
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
	return error instanceof AppError && (code === undefined || error.code === code);
}
