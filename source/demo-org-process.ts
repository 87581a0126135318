import {fork} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import type {DemoOrgChildMessage, DemoOrgStarted} from './demo-org/demo-org-child.js';
import {UserFacingError} from './core/user-facing-error.js';

export type DemoOrgProcess = Omit<DemoOrgStarted, 'type'> & {close: () => Promise<void>};

// Built, this file is a .js beside the child's entry; run from source (the screen tests), both are
// TypeScript, which Node 20 runs only through a loader (tsx, a development dependency).
const fromSource = import.meta.url.endsWith('.ts');
const entry = fileURLToPath(new URL(`demo-org/demo-org-child.${fromSource ? 'ts' : 'js'}`, import.meta.url));

/**
 * Starts the built-in demo org in a child process and resolves once it listens. The app draws its first
 * frame and answers keys while the org generates its users; the org's code, records and serving stay
 * out of the app's memory and event loop. The child ends with this process (its channel closes).
 */
export async function startDemoOrgProcess(options: {users?: number; seed?: number}): Promise<DemoOrgProcess> {
	// Options left out take the demo org's own defaults.
	// The app's own heap flags (a small young generation) suit a screen, not a server generating an org.
	const child = fork(entry, [JSON.stringify(options)], {execArgv: fromSource ? ['--import', 'tsx'] : [], stdio: ['ignore', 'ignore', 'pipe', 'ipc']});
	// Its standard error would draw over the app's screen: kept, and told only if it fails to start.
	let stderr = '';
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		stderr = (stderr + chunk).slice(-2000);
	});
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => {
			resolve();
		});
	});
	const message = await new Promise<DemoOrgChildMessage>((resolve, reject) => {
		child.once('message', (answer) => {
			resolve(answer as DemoOrgChildMessage);
		});
		child.once('error', reject);
		void exited.then(() => {
			reject(new UserFacingError(`The demo org stopped before it started (exit code ${child.exitCode ?? child.signalCode})${stderr.trim() === '' ? '.' : `: ${stderr.trim()}`}`));
		});
	});
	if (message.type === 'failed') {
		await exited;
		throw new UserFacingError(`The demo org could not start: ${message.message}`);
	}

	const {type: _type, ...started} = message;
	return {
		...started,
		async close() {
			if (child.exitCode !== null || child.signalCode !== null) {
				return;
			}

			if (child.connected) {
				child.send('close');
			} else {
				child.kill('SIGTERM');
			}

			await exited;
		},
	};
}
