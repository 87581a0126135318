import {adminDefinition} from './admin-definition.js';
import {appDefinition} from './app-definition.js';
import type {CommandDefinition} from './command-definition.js';
import {connectDefinition} from './connect-definition.js';
import {demoOrgDefinition} from './demo-org-definition.js';
import {disconnectDefinition} from './disconnect-definition.js';
import {historyDefinition} from './history-definition.js';
import {importDefinition} from './import-definition.js';
import {orgFlagsHelp} from './org-flags.js';
import {settingsDefinition} from './settings-definition.js';
import {statusDefinition} from './status-definition.js';
import {syncDefinition} from './sync-definition.js';
import {undoDefinition} from './undo-definition.js';

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
	demoOrgDefinition,
];

/** `salesscreen` without a command opens the app. */
export const defaultCommand: CommandDefinition = appDefinition;

export const mainHelp = `
	Bring people from a connected Salesforce org into SalesScreen.

	Usage
${[defaultCommand, ...commands].map((command) => `	  $ salesscreen ${command.synopsis.padEnd(21)}${command.summary}`).join('\n')}
${orgFlagsHelp}

	Data lives in $SALESSCREEN_HOME, or your platform's data folder when it is not set.
`;
