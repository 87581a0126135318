import {defineCommand, rejectInput} from './command-definition.js';
import {syncExitCodes} from './exit-codes.js';
import {orgFlags, orgFlagsHelp, orgTargetFrom} from './org-flags.js';

export const syncDefinition = defineCommand({
	name: 'sync',
	synopsis: 'sync --help',
	summary: 'Automatic sync, for cron or a systemd timer',
	help: `
	When Automatically sync users is on, import the Salesforce users in the sync scope (settings
	sync-scope; by default active Standard users) with the same rules as Import users, and make
	people whose Salesforce user became inactive inactive (active again when they return),
	recorded as an automatic run. Only users changed since the last sync are read, and every
	user every 24th sync or after 7 days. When it is off, change nothing, say so, and exit 0.

	Safeguard: a run that would make more than safeguard-share (default 20%) of the linked people
	inactive changes nothing, is recorded as held, and exits ${syncExitCodes.held}.

	Usage
	  $ salesscreen sync [--dry-run] [--json] [--confirm-held]

	Options
	  --dry-run       Show what would happen; write nothing
	  --json          One JSON object on standard output
	  --confirm-held  Run even past the safeguard, and mark the held run released
	  --switch-org    Sync although this store holds people from another org
${orgFlagsHelp}

	Run by hand, sync is for admins; cron runs it as the account that owns the data folder, which may.

	Exit codes: 0 done or switched off, 1 failed (nothing written), 2 wrong usage, 3 not an admin,
	${syncExitCodes.held} held by the safeguard (nothing changed).
`,
	flags: {...orgFlags, dryRun: {type: 'boolean', default: false}, json: {type: 'boolean', default: false}, confirmHeld: {type: 'boolean', default: false}, switchOrg: {type: 'boolean', default: false}},
	async run({input, flags}) {
		rejectInput(input);
		const {syncCommand} = await import('./sync-command.js');
		return syncCommand({target: orgTargetFrom(flags), dryRun: flags.dryRun, json: flags.json, confirmHeld: flags.confirmHeld, switchOrg: flags.switchOrg}, process.stdout);
	},
});
