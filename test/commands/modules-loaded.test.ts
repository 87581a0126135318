import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {startPtyApp} from '../support/pty-app.js';
import {runCli} from '../support/run-cli.js';
import {tempHomesPerTest} from '../support/temp-home.js';

const preload = fileURLToPath(new URL('../support/list-loaded-modules.mjs', import.meta.url));
const newHome = tempHomesPerTest();

const root = fileURLToPath(new URL('../../', import.meta.url));

type Loaded = {pid: string; module: string};

/** What the list says, in order: each module as a path inside the project, and where a process drew its first frame. */
function readList(list: string): Loaded[] {
	return fs
		.readFileSync(list, 'utf8')
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => {
			const [pid = '', what = ''] = line.split(' ', 2);
			return {pid, module: what.startsWith('file:') ? path.relative(root, fileURLToPath(what)) : what};
		})
		.filter(({module}) => !module.includes(':') || module === 'first-frame');
}

/** Runs the built binary and returns every module it loaded, as paths inside the project. */
async function modulesLoadedBy(args: string[]): Promise<{code: number | null; modules: string[]}> {
	const temp = newHome();
	const list = path.join(temp.home, 'loaded-modules.txt');
	const {code} = await runCli(args, {...temp.env, SALESSCREEN_LOADED_MODULES: list, NODE_OPTIONS: `--import ${preload}`});
	return {code, modules: readList(list).map(({module}) => module).filter((module) => module !== 'first-frame')};
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

	it('the app loads none of the demo org: it runs in a process of its own, started after the first frame', async () => {
		const temp = newHome();
		const list = path.join(temp.home, 'loaded-modules.txt');
		const app = startPtyApp(['--demo-users', '300'], {env: {...temp.env, SALESSCREEN_LOADED_MODULES: list, NODE_OPTIONS: `--import ${preload}`}, columns: 80, rows: 24});
		try {
			await app.waitFor('DEMO ORG', 60_000);
		} finally {
			app.kill();
		}

		const loaded = readList(list);
		const frameAt = loaded.findIndex(({module}) => module === 'first-frame');
		expect(frameAt).toBeGreaterThanOrEqual(0);
		const appPid = loaded[frameAt]!.pid;
		const demoCode = ({module}: Loaded) => module.startsWith('dist/demo-org/') || ['@faker-js/faker', '@jetstreamapp/soql-parser-js'].includes(packageOf(module) ?? '');
		// Not before the first frame, nor after it: the app's own process never holds the demo org's code.
		expect(loaded.slice(0, frameAt).filter(demoCode).map(({module}) => module)).toEqual([]);
		expect(loaded.filter((entry) => entry.pid === appPid && demoCode(entry)).map(({module}) => module)).toEqual([]);
		// The demo org did run (the header says DEMO ORG), in another process, once the frame was drawn.
		const demoAt = loaded.findIndex((entry) => entry.pid !== appPid && entry.module === 'dist/demo-org/demo-org.js');
		expect(demoAt).toBeGreaterThan(frameAt);
	});

	it('the app on a real org loads no demo org code in any process', async () => {
		const temp = newHome();
		const list = path.join(temp.home, 'loaded-modules.txt');
		const app = startPtyApp(['--instance-url', 'https://acme.invalid', '--access-token', 'token'], {
			env: {...temp.env, SALESSCREEN_LOADED_MODULES: list, NODE_OPTIONS: `--import ${preload}`},
			columns: 80,
			rows: 24,
		});
		try {
			await app.waitFor('Integrations', 60_000);
		} finally {
			app.kill();
		}

		const loaded = readList(list);
		expect(loaded.some(({module}) => module === 'first-frame')).toBe(true);
		expect(loaded.filter(({module}) => module.startsWith('dist/demo-org/') || packageOf(module) === '@faker-js/faker').map(({module}) => module)).toEqual([]);
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
