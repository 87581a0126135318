import {EventEmitter} from 'node:events';

const escape = '\u001B[';
const hideCursor = `${escape}?25l`;
const clearScreen = `${escape}2J`;
// Terminals that know synchronized output (DEC mode 2026) show a frame's rows at once; others ignore it.
const beginUpdate = `${escape}?2026h`;
const endUpdate = `${escape}?2026l`;

const moveTo = (row: number) => `${escape}${row + 1};1H`;
// The whole row is erased before it is written, so nothing of the old row survives, however wide the
// terminal draws the new row's characters.
const eraseRow = `${escape}2K`;

/**
 * Writes full-screen frames to a terminal, sending only the rows that changed since the last frame.
 *
 * Ink's own incremental rendering moves the cursor relative to where it left it and left stale rows in
 * tmux; this writer addresses each row absolutely (the app owns the alternate screen), so a row that was
 * not rewritten is exactly the row of the previous frame, and a row that was is wholly replaced.
 * A resize repaints everything, since the terminal may have reflowed what was there.
 *
 * `stream` is what ink renders to (in its debug mode, which writes each whole frame and nothing else):
 * it reports the terminal's size and resizes, so the app lays out for the real terminal.
 */
export class FrameWriter {
	readonly stream: NodeJS.WriteStream;
	/** Bytes sent to the terminal so far: the bench divides them by key presses. */
	bytesWritten = 0;
	#rows: string[] = [];
	#repaint = true;

	constructor(private readonly terminal: NodeJS.WriteStream) {
		const stream = new EventEmitter() as EventEmitter & Record<string, unknown>;
		Object.defineProperties(stream, {
			isTTY: {get: () => true},
			columns: {get: () => terminal.columns},
			rows: {get: () => terminal.rows},
		});
		stream.write = (data: string, callback?: () => void) => {
			if (data !== '') {
				this.write(data);
			}

			if (typeof callback === 'function') {
				queueMicrotask(callback);
			}

			return true;
		};

		const onResize = () => {
			this.#repaint = true;
			stream.emit('resize');
		};

		terminal.on('resize', onResize);
		this.stream = stream as unknown as NodeJS.WriteStream;
		this.dispose = () => {
			terminal.off('resize', onResize);
		};
	}

	readonly dispose: () => void;

	/** One whole frame, rows separated by newlines. */
	write(frame: string): void {
		const rows = frame.endsWith('\n') ? frame.slice(0, -1).split('\n') : frame.split('\n');
		let out = '';
		if (this.#repaint) {
			out += hideCursor + clearScreen;
			this.#rows = [];
			this.#repaint = false;
		}

		const count = Math.max(rows.length, this.#rows.length);
		for (let index = 0; index < count; index++) {
			const next = rows[index];
			if (next === this.#rows[index]) {
				continue;
			}

			out += moveTo(index) + eraseRow + (next ?? '');
		}

		this.#rows = rows;
		if (out !== '') {
			// Each row closes its own styles; the reset covers whatever the terminal was left with before.
			const chunk = `${beginUpdate}${escape}0m${out}${endUpdate}`;
			this.bytesWritten += Buffer.byteLength(chunk);
			this.terminal.write(chunk);
		}
	}

	/** The last frame, as ink wrote it: what a full repaint would send. */
	lastFrame(): string {
		return this.#rows.join('\n');
	}

	/** Forgets what is on screen, so the next frame is written whole (after the screen was cleared or written over). */
	invalidate(): void {
		this.#repaint = true;
	}
}
