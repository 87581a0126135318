/** Which unique rule of the store refused a write. */
export type UniqueField = 'email' | 'osLogin' | 'federationId' | 'teamName' | 'salesforceLink' | 'manualChoice' | 'other';

/**
 * A store refused a write because another row holds the value (another writer got there between a check and
 * the write). Thrown by every store engine alike, so that a use case can say who has it, in words.
 */
export class UniqueConflictError extends Error {
	override name = 'UniqueConflictError';

	constructor(
		readonly field: UniqueField,
		options?: {cause?: unknown},
	) {
		super(`A unique ${field} is taken already.`, options);
	}
}
