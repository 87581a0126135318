/** A mistake in how a command was called: reported with a hint and exit code 2, never a stack trace. */
export class UsageError extends Error {
	override name = 'UsageError';
}
