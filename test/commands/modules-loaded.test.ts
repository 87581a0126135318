import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const preload = fileURLToPath(new URL('../support/list-loaded-modules.mjs', import.meta.url));
const newHome = tempHomesPerTest();

/** Runs the built binary and returns every module it loaded, as paths inside the project. */
async function modulesLoadedBy(args: string[]): Promise<{code: number | null; modules: string[]}> {
	const temp = newHome();
	const list = path.join(temp.home, 'loaded-modules.txt');
	const {code} = await runCli(args, {...temp.env, SALESSCREEN_LOADED_MODULES: list, NODE_OPTIONS: `--import ${preload}`});
	const root = fileURLToPath(new URL('../../', import.meta.url));
	const modules = fs
		.readFileSync(list, 'utf8')
		.split('\n')
		.filter((url) => url.startsWith('file:'))
		.map((url) => path.relative(root, fileURLToPath(url)));
	return {code, modules};
}

const packageOf = (module: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module)?.[1];

/** The UI: the project's screens, and the libraries only they use. */
const uiModules = (modules: string[]) =>
	modules.filter((module) => module.startsWith('dist/ui/') || ['ink', 'react', 'ink-select-input', 'qrcode', 'yoga-layout'].includes(packageOf(module) ?? ''));

describe('what a command loads', () => {
	it('--version and --help load nothing but the command table and what they print: no UI, store, org adapter or demo org', async () => {
		for (const args of [['--version'], ['--help'], ['import', '--help']]) {
			// eslint-disable-next-line no-await-in-loop
			const {code, modules} = await modulesLoadedBy(args);
			expect(code, args.join(' ')).toBe(0);
			expect(modules, args.join(' ')).toContain('dist/cli.js');
			const heavy = modules.filter(
				(module) =>
					// The application's error type is the one piece of app/ the entry needs, to print a failure in words.
					(/^dist\/(ui|store|salesforce|settings|demo-org|sync|app)\//.test(module) && module !== 'dist/app/app-error.js') ||
					module === 'dist/session.js' ||
					(packageOf(module) !== undefined && !['env-paths', 'is-safe-filename'].includes(packageOf(module)!)),
			);
			expect(heavy, args.join(' ')).toEqual([]);
		}
	});

	it('headless commands load no UI module', async () => {
		for (const args of [['settings', 'get'], ['history', '--json'], ['import', '--all', '--dry-run', '--demo-users', '20', '--json']]) {
			// eslint-disable-next-line no-await-in-loop
			const {code, modules} = await modulesLoadedBy(args);
			expect(code, args.join(' ')).toBe(0);
			// Each did its work: the store at least was opened.
			expect(modules.some((module) => module.startsWith('dist/store/')), args.join(' ')).toBe(true);
			expect(uiModules(modules), args.join(' ')).toEqual([]);
		}
	});
});
