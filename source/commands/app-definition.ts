import {defineCommand, rejectInput} from './command-definition.js';
import {orgFlags, orgTargetFrom} from './org-flags.js';

/** `salesscreen` with no command: the full-screen app. Its help is the program's, built by the command table. */
export const appDefinition = defineCommand({
	name: '',
	synopsis: '[options]',
	summary: 'Open the app (full screen)',
	help: '',
	flags: {...orgFlags, plain: {type: 'boolean'}},
	async run({input, flags}) {
		rejectInput(input);
		const target = orgTargetFrom(flags);
		if (process.stdin.isTTY && process.stdout.isTTY) {
			// Ink decides once, when it loads, that a CI variable means "print only the last frame".
			// A person at a terminal wants the live screen, so the app (and ink) load after this.
			delete process.env.CI;
			delete process.env.CONTINUOUS_INTEGRATION;
		}

		// React's development build costs several milliseconds a keypress; an installed app runs the production one.
		process.env.NODE_ENV ??= 'production';
		const {openApp} = await import('./open-app.js');
		return openApp(target, {plain: flags.plain === true});
	},
});
