import {settingDefinition, settingKeys} from '../core/setting-definitions.js';
import {defineCommand} from './command-definition.js';

// Words wrapped greedily; a word longer than the line (the default scope's JSON) stays whole.
function wrapWords(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const word of text.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width) {
			lines[lines.length - 1] = `${last} ${word}`;
		} else {
			lines.push(word);
		}
	}

	return lines;
}

/** The Settings section of the help, one entry per setting a script may set, from the settings' definitions. */
function settingsHelp(): string {
	const nameWidth = 17;
	const valuesWidth = 13;
	const indent = ' '.repeat(nameWidth + valuesWidth);
	return settingKeys
		.flatMap((key) => {
			const cli = settingDefinition(key).cli;
			if (cli === undefined) {
				return [];
			}

			const [first = '', ...rest] = wrapWords(cli.help, 64);
			const fits = cli.name.length < nameWidth && cli.values.length < valuesWidth;
			const head = fits ? [`${cli.name.padEnd(nameWidth)}${cli.values.padEnd(valuesWidth)}${first}`] : [`${cli.name}  ${cli.values}`, `${indent}${first}`];
			return [...head, ...rest.map((line) => `${indent}${line}`)];
		})
		.map((line) => `\t  ${line}`)
		.join('\n');
}

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
${settingsHelp()}

	${settingKeys.filter((key) => settingDefinition(key).viewOnly).map((key) => settingDefinition(key).cli!.name).join(' and ')} change only what is listed, so anyone may set them; the others
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
