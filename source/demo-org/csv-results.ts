import type {SoqlResult} from './soql-engine.js';

/**
 * Query results as Bulk API 2.0 writes them: a header of field paths (`Profile.Name`), then one line per
 * record with every value in double quotes (quotes inside doubled), nulls as empty quotes, and date-times
 * in ISO 8601 with `Z`.
 */
export function resultsCsv(result: SoqlResult, start: number, end: number, delimiter: string, lineEnding: string, header: boolean, version: string): string {
	const paths = result.columns.map((column) => column.split('.'));
	const lines: string[] = header ? [result.columns.map(quote).join(delimiter)] : [];
	for (let index = start; index < end; index++) {
		const record = result.project(result.rows[index]!, version);
		lines.push(paths.map((path) => quote(cell(valueAt(record, path)))).join(delimiter));
	}

	return lines.join(lineEnding) + lineEnding;
}

function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
	let value: unknown = record;
	for (const part of path) {
		if (value === null || typeof value !== 'object') {
			return null;
		}

		value = (value as Record<string, unknown>)[part];
	}

	return value ?? null;
}

function cell(value: unknown): string {
	if (value === null || value === undefined) {
		return '';
	}

	if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/.test(value)) {
		return value.replace('+0000', 'Z');
	}

	return String(value);
}

function quote(text: string): string {
	return `"${text.replaceAll('"', '""')}"`;
}
