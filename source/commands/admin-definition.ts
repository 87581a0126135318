import {defineCommand} from './command-definition.js';

export const adminDefinition = defineCommand({
	name: 'admin',
	synopsis: 'admin --help',
	summary: 'Who may import and change people, teams and settings',
	help: `
	Who administers SalesScreen: the people whose OS login runs salesscreen with role admin. Only they
	may import, sync by hand, change settings, connect or disconnect an org, and change people and
	teams; everyone else may look. While there is no admin at all, whoever runs salesscreen may.

	Usage
	  $ salesscreen admin add LOGIN [--name N] [--email E] [--json]
	  $ salesscreen admin list [--json]

	add makes the OS login an admin: the person who carries it already, or the person with that
	email (who then carries it), or a new person with that name and email. Allowed to an admin,
	or to anyone while the store has no admin.

	Options
	  --name N      The person's name (needed for a new person)
	  --email E     The person's email (needed for a new person)
	  --json        One JSON value on standard output

	Example
	  $ salesscreen admin add alice --name "Alice Admin" --email alice@acme.com

	Exit codes: 0 done, 1 failed, 2 wrong usage, 3 not an admin.
`,
	flags: {name: {type: 'string', takes: "the person's name"}, email: {type: 'string', takes: "the person's email"}, json: {type: 'boolean', default: false}},
	async run({input, flags}) {
		const {adminCommand} = await import('./admin-command.js');
		return adminCommand(input, flags, process.stdout);
	},
});
