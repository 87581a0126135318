import {EventEmitter} from 'node:events';

/** A terminal-sized output stream that tells when the next frame is written. */
export class FakeTerminalOutput extends EventEmitter {
	readonly isTTY = true;
	frames = 0;
	bytes = 0;
	#waiters: Array<() => void> = [];

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	write = (chunk: string): boolean => {
		this.frames++;
		this.bytes += Buffer.byteLength(chunk);
		for (const resolve of this.#waiters.splice(0)) {
			resolve();
		}

		return true;
	};

	async nextWrite(): Promise<void> {
		return new Promise((resolve) => {
			this.#waiters.push(resolve);
		});
	}
}

/** A keyboard: what a raw-mode TTY stdin looks like to ink. */
export class FakeKeyboard extends EventEmitter {
	readonly isTTY = true;
	#pending: string | null = null;

	press(key: string): void {
		this.#pending = key;
		this.emit('readable');
	}

	read = (): string | null => {
		const value = this.#pending;
		this.#pending = null;
		return value;
	};

	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}
