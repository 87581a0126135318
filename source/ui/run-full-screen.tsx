import {render} from 'ink';
import type {ReactElement} from 'react';

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
		}
	};

	stdout.write(enterAlternateScreen);
	const instance = render(element, {stdout, exitOnCtrlC: true, maxFps: 30, patchConsole: true});

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
		restore();
		process.off('SIGTERM', onSignal);
		process.off('SIGHUP', onSignal);
		process.off('uncaughtException', onCrash);
		process.off('unhandledRejection', onCrash);
		process.off('exit', restore);
	}
}
