import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export type CliResult = {code: number | null; stdout: string; stderr: string};

/** Runs the built salesscreen binary with no terminal attached, as a script or cron would. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
	return startCli(args, env, input).exited;
}

/** Starts `salesscreen demo-org --json` and returns what it printed once listening. */
export async function startDemoOrgProcess(args: string[], env: NodeJS.ProcessEnv) {
	const child = spawn(process.execPath, [cliPath, 'demo-org', '--json', ...args], {env, stdio: ['ignore', 'pipe', 'pipe']});
	const line = await new Promise<string>((resolve, reject) => {
		let buffered = '';
		child.stdout.on('data', (chunk: Buffer) => {
			buffered += chunk.toString();
			if (buffered.includes('\n')) {
				resolve(buffered.slice(0, buffered.indexOf('\n')));
			}
		});
		child.once('close', (code) => {
			reject(new Error(`demo-org exited with ${code} before listening`));
		});
	});
	return {line, stop: () => child.kill('SIGTERM'), closed: new Promise((resolve) => child.once('close', resolve))};
}

/** Starts the binary and lets a test read its output while it runs, e.g. a device code to approve. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, input?: string) {
	const child = spawn(process.execPath, [cliPath, ...args], {env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']});
	child.stdin?.end(input);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
	});
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const exited = new Promise<CliResult>((resolve) => {
		child.on('close', (code) => {
			resolve({code, stdout, stderr});
		});
	});

	async function waitForOutput(pattern: RegExp, timeout = 10_000): Promise<RegExpExecArray> {
		const deadline = Date.now() + timeout;
		for (;;) {
			const match = pattern.exec(stdout);
			if (match) {
				return match;
			}

			if (Date.now() > deadline || child.exitCode !== null) {
				throw new Error(`No ${String(pattern)} in the output:\n${stdout}\n${stderr}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 20);
			});
		}
	}

	return {child, exited, waitForOutput};
}
