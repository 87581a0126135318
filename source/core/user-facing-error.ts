/**
 * An error whose message is written for the person who reads it, with what to do: shown as it is, by the
 * app and every command. Any other error is described by whoever catches it (a Salesforce failure, say).
 */
export class UserFacingError extends Error {
	override name = 'UserFacingError';
}
