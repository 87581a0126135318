import {defineCommand} from './command-definition.js';

export const settingsDefinition = defineCommand({
	name: 'settings',
	synopsis: 'settings --help',
	summary: 'Read and change the Settings tab from a script',
	help: `
	Read and change the Settings tab's settings from a script, with the same effect.

	Usage
	  $ salesscreen settings get [KEY]
	  $ salesscreen settings set KEY VALUE

	Settings
	  auto-sync        on | off     Automatically sync users (default off)
	  page-size        auto | 1–500 Users per page (default auto: fit the terminal)
	  show-all-users   on | off     List inactive and non-Standard users too (default off)
	  team-from-salesforce  off | role | department
	                                Put imported people on a team named after their
	                                Salesforce role or department, creating it (default off)

	  sync-scope       JSON         Which users automatic sync takes; keys left out take their
	                                defaults; an empty list means any (default
	                                {"profiles":[],"roles":[],"departments":[],"userTypes":["Standard"],"activeOnly":true})
	  match-federation-id  on | off When the email finds nobody, map to the person whose federation id
	                                is the user's FederationIdentifier (default off)
	  fill-on-map      none | name | title | name-title
	                                A mapped person's fields overwritten from Salesforce (default none)
	  safeguard-share  0–1 or N%    Hold an automatic run that would make more than this share of the
	                                linked people inactive (default 0.2)

	page-size and show-all-users change only what is listed, so anyone may set them; the others
	change what SalesScreen does, and only an admin may set them.

	Example
	  $ salesscreen settings set auto-sync on

	Exit codes: 0 done, 1 failed, 2 wrong usage, 3 not an admin.
`,
	flags: {},
	async run({input}) {
		const {settingsCommand} = await import('./settings-command.js');
		return settingsCommand(input, process.stdout);
	},
});
