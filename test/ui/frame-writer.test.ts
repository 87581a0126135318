import {EventEmitter} from 'node:events';
import xterm from '@xterm/headless';
import {describe, expect, it} from 'vitest';
import {FrameWriter} from '../../source/ui/frame-writer.js';

const columns = 60;
const rows = 20;

/** A terminal of a given size whose output goes into a headless xterm. */
function headlessTerminal() {
	const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
	const stream = Object.assign(new EventEmitter(), {
		columns,
		rows,
		isTTY: true,
		write(data: string) {
			terminal.write(data);
			return true;
		},
	});
	const flushed = async () =>
		new Promise<void>((resolve) => {
			terminal.write('', resolve);
		});
	const screen = () => {
		const buffer = terminal.buffer.active;
		return Array.from({length: rows}, (_, index) => buffer.getLine(index)?.translateToString(false) ?? '');
	};

	return {stream: stream as unknown as NodeJS.WriteStream, flushed, screen};
}

/** A deterministic random source, so that a failure can be replayed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const pieces = ['Name', 'Ada Lovelace', '›[x]', '[ ]', '…', '│', '─', '❯', 'é', '漢字', ' ', '12,345', '\u001B[1mbold\u001B[22m', '\u001B[32mgreen\u001B[39m', '\u001B[7minverse\u001B[27m'];

/** A frame as ink writes one: rows of styled text no wider than the terminal, some rows full width. */
function randomFrame(next: () => number): string {
	const height = 1 + Math.floor(next() * rows);
	return Array.from({length: height}, () => {
		let row = '';
		let width = 0;
		const target = next() < 0.3 ? columns : Math.floor(next() * columns);
		while (width < target) {
			const piece = pieces[Math.floor(next() * pieces.length)]!;
			// eslint-disable-next-line no-control-regex
			const visible = piece.replaceAll(/\u001B\[[\d;]*m/g, '');
			const pieceWidth = [...visible].reduce((sum, char) => sum + (/[\u4E00-\u9FFF]/.test(char) ? 2 : 1), 0);
			if (width + pieceWidth > target) {
				row += ' '.repeat(target - width);
				break;
			}

			row += piece;
			width += pieceWidth;
		}

		return row;
	}).join('\n');
}

describe('the frame writer', () => {
	it('leaves the screen exactly as a fresh full render of the last frame, after many random frames', async () => {
		const next = random(20_251_202);
		const diffed = headlessTerminal();
		const writer = new FrameWriter(diffed.stream);
		let last = '';
		for (let index = 0; index < 400; index++) {
			last = randomFrame(next);
			writer.write(last);
			if (index % 50 === 0) {
				// eslint-disable-next-line no-await-in-loop
				await diffed.flushed();
				expect(diffed.screen().slice(0, last.split('\n').length).join('\n').trim()).not.toBe('');
			}
		}

		const fresh = headlessTerminal();
		new FrameWriter(fresh.stream).write(last);
		await Promise.all([diffed.flushed(), fresh.flushed()]);
		expect(diffed.screen()).toEqual(fresh.screen());
	});

	it('writes only the rows that changed', () => {
		const written: string[] = [];
		const terminal = Object.assign(new EventEmitter(), {columns, rows, write: (data: string) => written.push(data)}) as unknown as NodeJS.WriteStream;
		const writer = new FrameWriter(terminal);
		const frame = Array.from({length: rows - 1}, (_, index) => `row ${index} ${'x'.repeat(40)}`);
		writer.write(frame.join('\n'));
		frame[5] = 'row 5 changed';
		writer.write(frame.join('\n'));
		expect(written).toHaveLength(2);
		expect(written[1]).toContain('row 5 changed');
		expect(written[1]).not.toContain('row 4 ');
		expect(written[1]).not.toContain('row 6 ');
	});

	it('repaints the whole frame after the terminal is resized', () => {
		const written: string[] = [];
		const terminal = Object.assign(new EventEmitter(), {columns, rows, write: (data: string) => written.push(data)}) as unknown as NodeJS.WriteStream;
		const writer = new FrameWriter(terminal);
		writer.write('a\nb');
		terminal.emit('resize');
		writer.write('a\nb');
		expect(written[1]).toContain('a');
		expect(written[1]).toContain('b');
	});
});
