import {adminDefinition} from './admin-definition.js';
import {appDefinition} from './app-definition.js';
import type {CommandDefinition} from './command-definition.js';
import {connectDefinition} from './connect-definition.js';
import {dbDefinition} from './db-definition.js';
import {demoOrgDefinition} from './demo-org-definition.js';
import {disconnectDefinition} from './disconnect-definition.js';
import {historyDefinition} from './history-definition.js';
import {importDefinition} from './import-definition.js';
import {flagName} from './flag-spec.js';
import {orgFlagsHelp} from './org-flags.js';
import {settingsDefinition} from './settings-definition.js';
import {statusDefinition} from './status-definition.js';
import {syncDefinition} from './sync-definition.js';
import {undoDefinition} from './undo-definition.js';
import {UsageError} from './usage-error.js';

/** Every command, in the order `salesscreen --help` lists them. */
export const commands: readonly CommandDefinition[] = [
	connectDefinition,
	statusDefinition,
	disconnectDefinition,
	importDefinition,
	syncDefinition,
	historyDefinition,
	undoDefinition,
	settingsDefinition,
	adminDefinition,
	dbDefinition,
	demoOrgDefinition,
];

/** `salesscreen` without a command opens the app. */
export const defaultCommand: CommandDefinition = appDefinition;

export const mainHelp = `
	Bring people from a connected Salesforce org into SalesScreen.

	Usage
${[defaultCommand, ...commands].map((command) => `	  $ salesscreen ${command.synopsis.padEnd(21)}${command.summary}`).join('\n')}
${orgFlagsHelp}

	Terminal
	  --plain               A plain layout for screen readers and braille displays: no full screen, no
	                        box drawing, a line of text for each change (also SALESSCREEN_PLAIN=1, TERM=dumb)
	  NO_COLOR=1 turns colour off, FORCE_COLOR=1 on.

	Data lives in $SALESSCREEN_HOME, or your platform's data folder when it is not set; --database URL
	(or SALESSCREEN_DATABASE_URL) on any command uses a PostgreSQL database instead (salesscreen db --help).
`;

/**
 * The command a command line names, and the arguments its flags are parsed from. The app's flags given
 * before a command (`--demo-users 5 import --all`) count as that command's when it has them, and are
 * refused in words when it has not; a word that names no command is refused too.
 */
export function splitCommandLine(argv: readonly string[]): {command: CommandDefinition; args: string[]} {
	const takesValue = new Set(Object.entries(defaultCommand.flags).filter(([, spec]) => spec.type !== 'boolean').map(([key]) => `--${flagName(key)}`));
	let index = 0;
	while (index < argv.length && argv[index] !== '--' && argv[index]!.startsWith('-')) {
		index += takesValue.has(argv[index]!) ? 2 : 1;
	}

	const word = argv[index];
	if (word === undefined || word === '--') {
		return {command: defaultCommand, args: [...argv]};
	}

	const command = commands.find((candidate) => candidate.name === word);
	if (command === undefined) {
		throw new UsageError(`unknown command "${word}".`, {hint: true});
	}

	const before = argv.slice(0, index);
	const ownFlags = new Set(Object.keys(command.flags).map((key) => `--${flagName(key)}`));
	for (const flag of before.filter((arg) => arg.startsWith('--')).map((arg) => arg.split('=')[0]!)) {
		if (ownFlags.has(flag) || flag === '--help') {
			continue;
		}

		const error = new UsageError(
			takesValue.has(flag) ? `${flag} chooses the org, and ${word} does not use one.` : `unknown flag ${flag}.`,
			{hint: true},
		);
		error.command = word;
		throw error;
	}

	return {command, args: [...before, ...argv.slice(index + 1)]};
}
