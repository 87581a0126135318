import {format} from 'node:util';
import {render} from 'ink';
import {terminalInput} from './keys/terminal-input.js';
import type {ReactElement} from 'react';
import {FrameWriter} from './frame-writer.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l\u001B[?25h';

/**
 * Ink 6 cannot use the alternate screen itself: enter it here and make sure every way out
 * (quit, Ctrl+C, SIGTERM, SIGHUP of a dropped SSH session, a crash) gives the terminal back as it was.
 */
export async function runFullScreen(element: ReactElement, stdout: NodeJS.WriteStream = process.stdout): Promise<void> {
	let restored = false;
	const restore = () => {
		if (!restored) {
			restored = true;
			stdout.write(leaveAlternateScreen);
			releaseConsole();
		}
	};

	const releaseConsole = holdConsole();
	stdout.write(enterAlternateScreen);
	// Ink's debug mode hands over each whole frame, unthrottled; the writer sends the terminal only the rows that changed.
	const writer = new FrameWriter(stdout);
	const instance = render(element, {stdin: terminalInput(), stdout: writer.stream, debug: true, exitOnCtrlC: true, patchConsole: false});

	const onSignal = (signal: NodeJS.Signals) => {
		instance.unmount();
		restore();
		process.exit(signal === 'SIGTERM' ? 143 : 129);
	};

	const onCrash = (error: unknown) => {
		instance.unmount();
		restore();
		process.stderr.write(`salesscreen stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	};

	process.once('SIGTERM', onSignal);
	process.once('SIGHUP', onSignal);
	process.once('uncaughtException', onCrash);
	process.once('unhandledRejection', onCrash);
	process.once('exit', restore);
	try {
		await instance.waitUntilExit();
	} finally {
		writer.dispose();
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('exit', restore);
	}
}

/**
 * Console output (a library's warning, React's) written while the app owns the screen would land
 * wherever the cursor is, over the frame, where no row-diffing can see it. It is held until the app
 * leaves the screen, and then written to standard error, so nothing is lost and the screen stays whole.
 */
function holdConsole(): () => void {
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const originals = methods.map((method) => console[method]);
	const held: string[] = [];
	for (const method of methods) {
		console[method] = (...args: unknown[]) => {
			held.push(format(...args));
		};
	}

	return () => {
		for (const [index, method] of methods.entries()) {
			console[method] = originals[index]!;
		}

		for (const line of held) {
			process.stderr.write(`${line}\n`);
		}
	};
}
