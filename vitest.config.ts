import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		// Every test file runs in the worker process the one before it ran in, with the modules it loaded:
		// starting a process and loading the app's modules again for each of ~90 files cost more than most
		// files' tests. Nothing here relies on a fresh process: tests mock no module, and each file opens,
		// and closes in its own hooks, the stores, homes, orgs and apps it uses.
		isolate: false,
		// Two files at once even on two cores: the command tests spend most of their time waiting for the
		// built CLI and the demo org in processes of their own, which one worker would wait for in turn.
		maxWorkers: 2,
	},
});
