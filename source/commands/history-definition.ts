import {defineCommand, rejectInput} from './command-definition.js';
import {UsageError} from './usage-error.js';

export const historyDefinition = defineCommand({
	name: 'history',
	synopsis: 'history --help',
	summary: 'Every import run and its outcomes (text, JSON, CSV)',
	help: `
	Every import run, newest first: who ran it, when, manual, automatic or undo, and what it did;
	a run the safeguard held, one undone, and mappings chosen by hand (manual) are marked.

	Usage
	  $ salesscreen history [--json | --csv] [--limit N]

	Options
	  --json        The runs with each user's outcome, as one JSON array
	  --csv         One row per user outcome, with its run's columns
	  --limit N     Only the newest N runs
`,
	flags: {json: {type: 'boolean', default: false}, csv: {type: 'boolean', default: false}, limit: {type: 'number', takes: 'a whole number of runs, 1 or more', whole: true, minimum: 1}},
	async run({input, flags}) {
		rejectInput(input);
		if (flags.json && flags.csv) {
			throw new UsageError('Choose one of --json and --csv.');
		}

		const {historyCommand} = await import('./history-command.js');
		return historyCommand({format: flags.json ? 'json' : flags.csv ? 'csv' : 'text', limit: flags.limit}, process.stdout);
	},
});
