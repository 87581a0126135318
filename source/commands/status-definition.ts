import {defineCommand, rejectInput} from './command-definition.js';
import {statusExitCodes} from './exit-codes.js';

export const statusDefinition = defineCommand({
	name: 'status',
	synopsis: 'status',
	summary: 'Whether the connection works and may import',
	help: `
	Check the saved connection: reachable, signed in, and allowed to list users.

	Usage
	  $ salesscreen status [--json]

	Exit codes: ${statusExitCodes.ok} connected and authorized, ${statusExitCodes.notConnected} not connected, ${statusExitCodes.failing} the connection fails,
	${statusExitCodes.notAuthorized} connected but without Manage Users or View All Users on Salesforce.
`,
	flags: {json: {type: 'boolean', default: false}},
	async run({input, flags}) {
		rejectInput(input);
		const {statusCommand} = await import('./status-command.js');
		return statusCommand(flags.json, process.stdout);
	},
});
