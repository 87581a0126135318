/** A mistake in how a command was called: reported with a hint and exit code 2, never a stack trace. */
export class UsageError extends Error {
	override name = 'UsageError';
	/** The command it was made with, named in the message: `salesscreen import: …`. */
	command?: string;
	/** Whether the message ends by pointing to the command's --help. */
	readonly hint: boolean;

	constructor(message: string, options: {hint?: boolean} = {}) {
		super(message);
		this.hint = options.hint ?? false;
	}
}
