import {EventEmitter} from 'node:events';

const escape = '\u001B';
/**
 * Esc as the kitty keyboard protocol writes it (CSI 27 u), which ink reads as one Esc whatever follows.
 * Ink reads ESC ESC [ Z as Alt+Shift+Tab, so an Esc typed just before another key's sequence would be lost.
 */
const unambiguousEscape = '\u001B[27u';

const isCsiParameterOrIntermediate = (character: string) => character >= ' ' && character <= '?';
const isCsiFinal = (character: string) => character >= '@' && character <= '~';

/**
 * Keys as a terminal sends them, made whole before ink reads them. Over SSH, or from a program writing
 * many keys, a key's escape sequence can arrive split between two reads (ESC, then `[Z` a moment later),
 * and ink takes an ESC at the end of a read for the Esc key as soon as the event loop turns: Shift+Tab
 * would become Esc and two letters. An escape sequence cut off at the end of a read is therefore held
 * until the rest arrives, or until `flush` (a short wait: then it was the Esc key). And an ESC followed
 * at once by another ESC is the Esc key typed ahead, passed on in a form that ink cannot glue to the
 * next key. ESC and a letter stay Alt+letter, as every terminal means them.
 */
export class EscapeJoiner {
	private held = '';

	/** Whether an escape sequence is waiting for the rest of it. */
	get holding(): boolean {
		return this.held !== '';
	}

	/** What can be passed on now; an unfinished sequence at the end stays held. */
	push(chunk: string): string {
		const text = this.held + chunk;
		this.held = '';
		let out = '';
		let index = 0;
		while (index < text.length) {
			const character = text[index]!;
			if (character !== escape) {
				out += character;
				index++;
				continue;
			}

			const next = text[index + 1];
			if (next === undefined) {
				this.held = text.slice(index);
				break;
			}

			if (next === escape) {
				out += unambiguousEscape;
				index++;
				continue;
			}

			const end = sequenceEnd(text, index);
			if (end === undefined) {
				this.held = text.slice(index);
				break;
			}

			out += text.slice(index, end);
			index = end;
		}

		return out;
	}

	/** The held part as it is: nothing more came, so an ESC alone was the Esc key. */
	flush(): string {
		const held = this.held;
		this.held = '';
		return held;
	}
}

/** Where the sequence starting with the ESC at `start` ends, or undefined when the text stops before its end. */
function sequenceEnd(text: string, start: number): number | undefined {
	const kind = text[start + 1];
	if (kind === '[') {
		let index = start + 2;
		// Legacy function keys: ESC [ [ A.
		if (text[index] === '[') {
			index++;
		}

		while (index < text.length && isCsiParameterOrIntermediate(text[index]!)) {
			index++;
		}

		if (index >= text.length) {
			return undefined;
		}

		// A final byte ends it; anything else is not a sequence, and ink reads it as it comes.
		return isCsiFinal(text[index]!) ? index + 1 : index;
	}

	if (kind === 'O') {
		return start + 2 < text.length ? start + 3 : undefined;
	}

	// ESC and one character: Alt+key (a surrogate pair is one character).
	const code = text.codePointAt(start + 1)!;
	return start + 1 + (code > 0xff_ff ? 2 : 1);
}

/** How long an escape sequence cut off at the end of a read waits for the rest before it counts as Esc. */
export const escapeWaitMs = 40;

type Source = Pick<NodeJS.ReadStream, 'read' | 'on' | 'off' | 'isTTY' | 'setEncoding' | 'ref' | 'unref'> & {setRawMode?: (mode: boolean) => unknown};

/**
 * What ink reads as its standard input: the terminal's, with each key's escape sequence made whole by
 * an EscapeJoiner. It offers what ink uses of a TTY stream (raw mode, `readable`, `read`).
 */
export class TerminalInput extends EventEmitter {
	readonly isTTY: boolean;
	private readonly joiner = new EscapeJoiner();
	private readonly ready: string[] = [];
	private timer: NodeJS.Timeout | undefined;
	private attached = false;

	constructor(
		private readonly source: Source,
		private readonly wait = escapeWaitMs,
	) {
		super();
		this.isTTY = Boolean(source.isTTY);
		this.on('newListener', (event: string) => {
			if (event === 'readable' && !this.attached) {
				this.attached = true;
				this.source.on('readable', this.pump);
			}
		});
		this.on('removeListener', (event: string) => {
			if (event === 'readable' && this.listenerCount('readable') === 0 && this.attached) {
				this.attached = false;
				this.source.off('readable', this.pump);
			}
		});
	}

	setRawMode(mode: boolean): this {
		this.source.setRawMode?.(mode);
		return this;
	}

	setEncoding(encoding: BufferEncoding): this {
		this.source.setEncoding(encoding);
		return this;
	}

	ref(): this {
		this.source.ref();
		return this;
	}

	unref(): this {
		this.source.unref();
		return this;
	}

	read(): string | null {
		return this.ready.shift() ?? null;
	}

	private readonly pump = () => {
		clearTimeout(this.timer);
		let chunk: unknown;
		while ((chunk = this.source.read()) !== null) {
			this.offer(this.joiner.push(typeof chunk === 'string' ? chunk : String(chunk)));
		}

		this.emitReady();
		if (this.joiner.holding) {
			this.timer = setTimeout(() => {
				this.offer(this.joiner.flush());
				this.emitReady();
			}, this.wait);
		}
	};

	private offer(text: string) {
		if (text !== '') {
			this.ready.push(text);
		}
	}

	private emitReady() {
		if (this.ready.length > 0) {
			this.emit('readable');
		}
	}
}

/** The terminal's standard input as ink should read it. */
export function terminalInput(source: NodeJS.ReadStream = process.stdin): NodeJS.ReadStream {
	// Ink uses only the TTY methods above; the cast says so once, here.
	return new TerminalInput(source) as unknown as NodeJS.ReadStream;
}
