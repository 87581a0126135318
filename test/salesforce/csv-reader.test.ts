import {describe, expect, it} from 'vitest';
import {readCsv} from '../../source/salesforce/csv-reader.js';

describe('readCsv (RFC 4180)', () => {
	it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
		const text = '"Id","Title"\r\n"005A","Head of ""Sales"", EMEA"\r\n"005B","two\nlines"\r\n';
		expect(readCsv(text)).toEqual([
			['Id', 'Title'],
			['005A', 'Head of "Sales", EMEA'],
			['005B', 'two\nlines'],
		]);
	});

	it('reads unquoted and empty fields, LF line endings, and a last line without a break', () => {
		expect(readCsv('a,b,c\n1,,3\n"",x,')).toEqual([
			['a', 'b', 'c'],
			['1', '', '3'],
			['', 'x', ''],
		]);
	});

	it('takes another delimiter', () => {
		expect(readCsv('"a";"b;c"\n', ';')).toEqual([['a', 'b;c']]);
	});

	it('refuses a quote left open or text after a closing quote', () => {
		expect(() => readCsv('"a","b\n')).toThrow(SyntaxError);
		expect(() => readCsv('"a"x,b\n')).toThrow(SyntaxError);
	});
});
