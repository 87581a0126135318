import {defineCommand, rejectInput} from './command-definition.js';

export const disconnectDefinition = defineCommand({
	name: 'disconnect',
	synopsis: 'disconnect',
	summary: 'Log out at Salesforce and forget the connection',
	help: `
	Log out at Salesforce (revoking the saved tokens) and forget the connection. The app then shows the
	built-in demo org until you connect again.

	Usage
	  $ salesscreen disconnect

	Exit codes: 0 disconnected (or nothing to do), 1 failed, 3 not an admin.
`,
	flags: {},
	async run({input}) {
		rejectInput(input);
		const {disconnectCommand} = await import('./status-command.js');
		return disconnectCommand(process.stdout);
	},
});
