import {defineCommand, rejectInput} from './command-definition.js';

export const undoDefinition = defineCommand({
	name: 'undo',
	synopsis: 'undo --help',
	summary: 'Undo the last import run',
	help: `
	Undo the last completed import run, manual or automatic, in one transaction: remove the people it
	created and every link it made (a person it mapped stays, with the fields it filled put back), and
	make the people it deactivated active again. A person it created is kept (without the link) when
	something came to depend on them: an admin or OS login, a team, another record referring to them,
	or an edit since the import. The undo is recorded as a run of its own (mode undo); the undone run
	becomes "undone". Only the last run can be undone, once.

	Usage
	  $ salesscreen undo [--json]

	Options
	  --json         One JSON object on standard output

	Exit codes: 0 undone, 1 nothing to undo (or failed; nothing changed), 2 wrong usage, 3 not an admin.
`,
	flags: {json: {type: 'boolean', default: false}},
	async run({input, flags}) {
		rejectInput(input);
		const {undoCommand} = await import('./undo-command.js');
		return await undoCommand({json: flags.json}, process.stdout, process.stderr);
	},
});
