import {describe, expect, it} from 'vitest';
import {printableKey, splitKeys} from '../../source/ui/keys/split-keys.js';

const plain = printableKey('a');
const summary = (input: string) =>
	splitKeys(input, plain).map(({input: text, key, text: isText}) =>
		key.return ? 'Enter' : key.tab ? 'Tab' : key.delete ? 'Del' : key.backspace ? 'BS' : key.ctrl ? `C-${text}` : isText ? `"${text}"` : text,
	);

describe('splitting what ink reports as one input into keys', () => {
	it('keeps a printable run whole, as text, and makes each control character a key of its own', () => {
		expect(summary('jjj')).toEqual(['"jjj"']);
		expect(summary('n\r')).toEqual(['"n"', 'Enter']);
		expect(summary('\t\t')).toEqual(['Tab', 'Tab']);
		expect(summary('bern\r j')).toEqual(['"bern"', 'Enter', '" j"']);
		expect(summary('ab\u007Fc')).toEqual(['"ab"', 'Del', '"c"']);
		expect(summary('x\u0015y')).toEqual(['"x"', 'C-u', '"y"']);
	});

	it('takes a pasted line ending as one Enter', () => {
		expect(summary('a\r\nb')).toEqual(['"a"', 'Enter', '"b"']);
	});

	it('leaves a key ink recognised alone', () => {
		expect(splitKeys('', {...plain, downArrow: true})).toEqual([{input: '', key: {...plain, downArrow: true}, text: false}]);
		expect(splitKeys('G', printableKey('G'))[0]).toMatchObject({input: 'G', text: true, key: {shift: true}});
	});

	it('takes what looks like Alt+key as Esc typed just before the key: the app binds nothing to Alt', () => {
		const [escape, j] = splitKeys('j', {...plain, meta: true});
		expect(escape).toMatchObject({key: {escape: true}, text: false});
		expect(j).toMatchObject({input: 'j', text: true, key: {meta: false}});
		const [first, down] = splitKeys('', {...plain, meta: true, downArrow: true});
		expect(first).toMatchObject({key: {escape: true}});
		expect(down).toMatchObject({key: {downArrow: true, meta: false}});
		// Esc itself, which ink reports with meta set, stays one Esc.
		expect(splitKeys('', {...plain, meta: true, escape: true})).toHaveLength(1);
	});
});
