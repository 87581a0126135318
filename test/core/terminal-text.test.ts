import {describe, expect, it} from 'vitest';
import {toTerminalText} from '../../source/core/terminal-text.js';

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
