import {EventEmitter} from 'node:events';
import {render} from 'ink';
import {terminalInput} from './keys/terminal-input.js';
import type {ReactElement} from 'react';
import {frameChanges, type FrameMemory} from './look/plain-lines.js';

/**
 * The plain layout for screen readers and braille displays: the same app and the same keys, but nothing is
 * redrawn in place. Ink draws each frame to a screen of its own in memory; what changed since the last
 * frame is written to the terminal as lines of text, one after the other, with no alternate screen,
 * no cursor movement, no colour and no box drawing.
 */
const plainColumns = 160;

export async function runPlain(element: ReactElement, stdout: NodeJS.WriteStream = process.stdout): Promise<void> {
	let memory: FrameMemory | undefined;
	// A wide screen in memory: lines are not cut to the terminal's width, which wraps them as it writes them.
	const size = () => ({columns: Math.max(stdout.columns || 80, plainColumns), rows: Math.max(stdout.rows || 24, 24)});
	const screen = Object.assign(new EventEmitter(), {
		...size(),
		isTTY: true,
		write(frame: string | Uint8Array) {
			const {lines, next} = frameChanges(typeof frame === 'string' ? frame : Buffer.from(frame).toString('utf8'), memory);
			memory = next;
			if (lines.length > 0) {
				stdout.write(`${lines.join('\n')}\n`);
			}

			return true;
		},
	});
	const onResize = () => {
		Object.assign(screen, size());
		screen.emit('resize');
	};

	stdout.on('resize', onResize);
	// Debug mode writes each frame whole, with no escapes to redraw it: exactly what is compared here.
	const instance = render(element, {stdin: terminalInput(), stdout: screen as unknown as NodeJS.WriteStream, debug: true, exitOnCtrlC: true, patchConsole: false});
	try {
		await instance.waitUntilExit();
	} finally {
		stdout.off('resize', onResize);
	}
}
