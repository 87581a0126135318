import {describe, expect, it} from 'vitest';
import {toTerminalText, typeInto} from '../../source/core/terminal-text.js';

describe('toTerminalText', () => {
	it('removes whole escape sequences, not just the escape character', () => {
		expect(toTerminalText('Zo\u001B[31me\u001B[0m')).toBe('Zoe');
		expect(toTerminalText('\u001B]0;pwned\u0007Ann')).toBe('Ann');
	});

	it('removes control and bidi-override characters but keeps accents and CJK', () => {
		expect(toTerminalText('Jos\u00E9\u0000\u0008\r\n\u202E Li \u674E')).toBe('Jos\u00E9 Li \u674E');
	});

	it('gives an empty string for nothing', () => {
		expect(toTerminalText(null)).toBe('');
	});
});

describe('typeInto', () => {
	it('appends typed and pasted text', () => {
		expect(typeInto('ab', 'cd')).toBe('abcd');
	});

	it('takes a backspace inside a burst of keys as one character removed', () => {
		expect(typeInto('abc', '\u007F\u007F')).toBe('a');
		expect(typeInto('abc', 'x\u007Fy')).toBe('abcy');
		expect(typeInto('', '\u007F')).toBe('');
	});

	it('keeps line breaks, escapes and other control characters out of a one-line value', () => {
		expect(typeInto('a', 'b\r\nc\u0007\u001B')).toBe('abc');
	});
});
