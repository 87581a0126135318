import {defineCommand, rejectInput} from './command-definition.js';
import {orgFlags, orgFlagsHelp, orgTargetFrom} from './org-flags.js';

export const importDefinition = defineCommand({
	name: 'import',
	synopsis: 'import --help',
	summary: 'Import users from a script',
	help: `
	Import Salesforce users into SalesScreen, exactly as the app's Import users does.

	Usage
	  $ salesscreen import --all [--dry-run] [--json]
	  $ salesscreen import --id 005… [--id 005…] [--dry-run] [--json]

	Options
	  --all          Every active Standard user of the org
	  --id SFID      One Salesforce user id; repeat for more
	  --dry-run      Show what would happen; write nothing
	  --json         One JSON object on standard output
${orgFlagsHelp}

	Exit codes: 0 done (skipped users are reported, not failures), 1 failed, 2 wrong usage,
	3 not an admin (a dry run is open to everyone).
`,
	flags: {
		...orgFlags,
		all: {type: 'boolean', default: false},
		id: {type: 'string', isMultiple: true},
		dryRun: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
	},
	async run({input, flags}) {
		rejectInput(input);
		const {importCommand} = await import('./import-command.js');
		return importCommand({target: orgTargetFrom(flags), all: flags.all, ids: flags.id ?? [], dryRun: flags.dryRun, json: flags.json}, process.stdout);
	},
});
