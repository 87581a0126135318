import {defineCommand, rejectInput} from './command-definition.js';
import {orgFlags, orgFlagsHelp, orgTargetFrom} from './org-flags.js';
import {UsageError} from './usage-error.js';

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
	  --switch-org   Import although this store holds people from another org
${orgFlagsHelp}

	An import that finds another import, sync or undo writing waits for it (at most write-wait seconds,
	see salesscreen settings), saying so on standard error.

	Exit codes: 0 done (skipped users are reported, not failures), 1 failed (recorded as a failed run),
	2 wrong usage, 3 not an admin (a dry run is open to everyone), 4 the connected Salesforce user may
	not list the org's users.
`,
	flags: {
		...orgFlags,
		all: {type: 'boolean', default: false},
		id: {type: 'string', takes: 'a Salesforce user id (005…)', isMultiple: true},
		dryRun: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
		switchOrg: {type: 'boolean', default: false},
	},
	async run({input, flags}) {
		rejectInput(input);
		if (flags.id.some((id) => id.trim() === '')) {
			throw new UsageError('--id takes a Salesforce user id (005…), not an empty one.', {hint: true});
		}

		const {importCommand} = await import('./import-command.js');
		return importCommand({target: orgTargetFrom(flags), all: flags.all, ids: flags.id, dryRun: flags.dryRun, json: flags.json, switchOrg: flags.switchOrg}, process.stdout);
	},
});
