import path from 'node:path';
import {fileURLToPath} from 'node:url';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * The built `salesscreen` binary in a real pseudo-terminal, its output fed into a headless xterm
 * so a test reads the screen a person would see.
 */
export function startPtyApp(args: string[], options: {env: NodeJS.ProcessEnv; columns?: number; rows?: number}) {
	const columns = options.columns ?? 100;
	const rows = options.rows ?? 30;
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const child = pty.spawn(process.execPath, [cliPath, ...args], {
		name: 'xterm-256color',
		cols: columns,
		rows,
		cwd: path.dirname(cliPath),
		env: options.env as Record<string, string>,
	});
	let output = '';
	child.onData((data) => {
		output += data;
		terminal.write(data);
	});
	const exited = new Promise<number>((resolve) => {
		child.onExit(({exitCode}) => {
			resolve(exitCode);
		});
	});

	function screen(): string {
		const buffer = terminal.buffer.active;
		const lines: string[] = [];
		for (let index = 0; index < buffer.length; index++) {
			lines.push(buffer.getLine(index)?.translateToString(true) ?? '');
		}

		return lines.join('\n');
	}

	async function waitFor(expected: string | RegExp | ((screen: string) => boolean), timeout = 20_000): Promise<string> {
		const deadline = Date.now() + timeout;
		while (Date.now() < deadline) {
			const text = screen();
			if (typeof expected === 'function' ? expected(text) : typeof expected === 'string' ? text.includes(expected) : expected.test(text)) {
				return text;
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 25);
			});
		}

		throw new Error(`Timed out waiting for ${String(expected)}. The screen shows:\n${screen()}`);
	}

	async function press(...sequence: string[]): Promise<void> {
		for (const key of sequence) {
			child.write(key);
			// A person does not type faster than the screen redraws; give each key its own read.
			// eslint-disable-next-line no-await-in-loop
			await new Promise((resolve) => {
				setTimeout(resolve, 60);
			});
		}
	}

	return {
		screen,
		waitFor,
		press,
		exited,
		output: () => output,
		bufferType: () => terminal.buffer.active.type,
		/** The terminal window changes size, as when a person drags it: the app gets SIGWINCH. */
		resize(newColumns: number, newRows: number) {
			terminal.resize(newColumns, newRows);
			child.resize(newColumns, newRows);
		},
		/** Resolves once the headless terminal has drawn everything the app wrote so far. */
		async drawn() {
			return new Promise<void>((resolve) => {
				terminal.write('', resolve);
			});
		},
		kill() {
			try {
				child.kill();
			} catch {}
		},
	};
}
