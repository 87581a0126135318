/**
 * Reads CSV as RFC 4180 writes it, which is how Bulk API 2.0 returns query results: fields separated by
 * the delimiter, records by CRLF or LF, a field in double quotes may hold the delimiter, line breaks and
 * doubled quotes. The project has no CSV dependency and needs only this much, so it is written here.
 * Malformed input (a quote left open, text after a closing quote) throws, so a broken answer is refused
 * rather than read as shifted columns.
 */
export function readCsv(text: string, delimiter = ','): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let index = 0;
	// Whether the current record has started: a final line break does not make an empty record.
	let started = false;
	while (index < text.length) {
		const char = text[index]!;
		if (char === '"' && field === '') {
			// A quoted field: up to the quote that is not doubled.
			index++;
			for (;;) {
				const quote = text.indexOf('"', index);
				if (quote === -1) {
					throw new SyntaxError(`A quoted field is never closed (from character ${index}).`);
				}

				field += text.slice(index, quote);
				if (text[quote + 1] === '"') {
					field += '"';
					index = quote + 2;
					continue;
				}

				index = quote + 1;
				break;
			}

			const next = text[index];
			if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
				throw new SyntaxError(`Text after a closing quote (at character ${index}).`);
			}

			started = true;
			continue;
		}

		if (char === delimiter) {
			record.push(field);
			field = '';
			started = true;
			index++;
			continue;
		}

		if (char === '\r' || char === '\n') {
			if (started || field !== '') {
				record.push(field);
				records.push(record);
			}

			record = [];
			field = '';
			started = false;
			index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
			continue;
		}

		field += char;
		started = true;
		index++;
	}

	if (started || field !== '') {
		record.push(field);
		records.push(record);
	}

	return records;
}
