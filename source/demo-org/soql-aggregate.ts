import type {FieldType as SelectItem, GroupByClause, OrderByClause, Query, WhereClause} from '@jetstreamapp/soql-parser-js';
import {aggregateColumn} from './query-columns.js';
import {RestError} from './rest-error.js';
import type {SoqlResult} from './soql-engine.js';
import {comparableReader, resolveField, type Comparable, type QueryContext, type ResolvedField} from './soql-fields.js';
import {compileWhere} from './soql-where.js';
import {field as tableField, table as makeTable, type FieldType, type FieldValue, type SObjectTable} from './sobject-table.js';

/**
 * Aggregate queries: COUNT(), COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX, GROUP BY and HAVING, as the
 * SOQL and SOSL Reference describes them. Each result row is an AggregateResult: the grouped fields under
 * their own names (the last part of a path: `Name` for `Profile.Name`) or aliases, the aggregates under
 * their aliases or `expr0`, `expr1`… in the order they are selected.
 */

const aggregateFunctions = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

type Column =
	| {kind: 'group'; name: string; field: ResolvedField; key: string}
	| {kind: 'aggregate'; name: string; fn: string; field: ResolvedField | undefined; key: string};

export function isAggregateQuery(query: Query): boolean {
	if (query.groupBy !== undefined) {
		return true;
	}

	return (query.fields ?? []).some(
		(item) => item.type === 'FieldFunctionExpression' && aggregateFunctions.has(item.functionName.toUpperCase()) && (item.parameters ?? []).length > 0,
	);
}

/** The name HAVING and ORDER BY use for a grouped field or an aggregate: without case, spaces or dots. */
function keyOf(text: string): string {
	return text.toUpperCase().replaceAll(/\s+/g, '').replaceAll('.', '\u00B7');
}

function malformed(text: string): RestError {
	return new RestError(400, 'MALFORMED_QUERY', text);
}

export function runAggregate(query: Query, table: SObjectTable, matched: readonly object[], context: QueryContext): SoqlResult {
	const groupFields = groupByFields(query.groupBy, table, context);
	const columns: Column[] = [];
	let expressionNumber = 0;
	let countOnly = false;
	for (const item of query.fields ?? []) {
		columns.push(...selectColumn(item));
	}

	function selectColumn(item: SelectItem): Column[] {
		if (item.type === 'Field' || item.type === 'FieldRelationship') {
			const path = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
			const field = resolveField(table, path, context);
			const key = keyOf(field.path.join('.'));
			if (!groupFields.some((group) => keyOf(group.path.join('.')) === key)) {
				throw malformed(`Field must be grouped or aggregated: ${field.path.at(-1)}`);
			}

			return [{kind: 'group', name: ('alias' in item ? item.alias : undefined) ?? field.definition.name, field, key}];
		}

		if (item.type !== 'FieldFunctionExpression') {
			throw malformed('Only fields and aggregate functions can be selected in an aggregate query');
		}

		const fn = item.functionName.toUpperCase();
		const parameters = (item.parameters ?? []) as unknown[];
		if (fn === 'COUNT' && parameters.length === 0) {
			countOnly = true;
			return [];
		}

		if (!aggregateFunctions.has(fn) || parameters.length !== 1 || typeof parameters[0] !== 'string') {
			throw malformed(`The demo org does not support ${item.functionName}() in an aggregate query.`);
		}

		const field = resolveField(table, parameters[0], context);
		if ((fn === 'SUM' || fn === 'AVG') && field.type !== 'number') {
			throw new RestError(400, 'INVALID_FIELD', `field ${field.path.join('.')} does not support aggregate operator ${fn}`);
		}

		const name = item.alias ?? `expr${expressionNumber++}`;
		return [{kind: 'aggregate', name, fn, field, key: keyOf(`${fn}(${field.path.join('.')})`)}];
	}

	if (countOnly && columns.length > 0) {
		throw malformed('COUNT() cannot be combined with other fields in SELECT');
	}

	// Group the matched records by the grouped fields' values, in the order groups first appear.
	const readers = groupFields.map((field) => field.read);
	const groups = new Map<string, {values: FieldValue[]; records: object[]}>();
	for (const record of matched) {
		const values = readers.map((read) => read(record));
		// Salesforce groups text without case, as it compares it.
		const key = JSON.stringify(values.map((value) => (typeof value === 'string' ? value.toUpperCase() : value)));
		let group = groups.get(key);
		if (!group) {
			group = {values, records: []};
			groups.set(key, group);
		}

		group.records.push(record);
	}

	// Without GROUP BY, an aggregate query answers one row, even over no records.
	if (groupFields.length === 0 && groups.size === 0) {
		groups.set('[]', {values: [], records: []});
	}

	// Rows hold every grouped field and aggregate by key, so HAVING and ORDER BY can name any of them.
	type Row = Map<string, FieldValue>;
	const aggregateColumns = new Map<string, {fn: string; field: ResolvedField | undefined}>();
	for (const column of columns) {
		if (column.kind === 'aggregate') {
			aggregateColumns.set(column.key, column);
		}
	}

	const extra = [...collectFunctionKeys(query.having), ...collectOrderKeys(query.orderBy)];
	for (const {fn, path} of extra) {
		const field = path === undefined ? undefined : resolveField(table, path, context);
		aggregateColumns.set(keyOf(field ? `${fn}(${field.path.join('.')})` : `${fn}()`), {fn, field});
	}

	const rows: Row[] = [...groups.values()].map((group) => {
		const row: Row = new Map();
		groupFields.forEach((field, index) => {
			row.set(keyOf(field.path.join('.')), group.values[index]!);
		});
		for (const [key, {fn, field}] of aggregateColumns) {
			row.set(key, aggregate(fn, field, group.records));
		}

		return row;
	});

	const rowTable = rowsTable(groupFields, aggregateColumns, rows);
	const rowContext: QueryContext = {soql: context.soql, now: context.now};
	let selected: object[] = rows;
	if (query.having) {
		const predicate = compileWhere(rewriteFunctions(query.having), rowTable, rowContext);
		selected = selected.filter((row) => predicate(row));
	}

	if (query.orderBy) {
		selected = sortRows(selected, query.orderBy, rowTable, rowContext);
	}

	const start = query.offset ?? 0;
	selected = selected.slice(start, query.limit === undefined ? undefined : start + query.limit);
	return {
		table,
		rows: countOnly ? [] : selected,
		totalSize: selected.length,
		countOnly,
		firstBatchOnly: false,
		singleBatch: true,
		columns: columns.map((column) => column.name),
		columnMetadata: () =>
			columns.map((column) =>
				column.kind === 'group'
					? aggregateColumn(column.name, column.field.path.join('.'), column.field.type)
					: aggregateColumn(column.name, `${column.fn}(${column.field?.path.join('.') ?? ''})`, typeOf(column.fn, column.field)),
			),
		project(record) {
			const row = record as Row;
			const result: Record<string, unknown> = {attributes: {type: 'AggregateResult'}};
			for (const column of columns) {
				result[column.name] = row.get(column.key) ?? null;
			}

			return result;
		},
	};
}

function groupByFields(groupBy: GroupByClause | GroupByClause[] | undefined, table: SObjectTable, context: QueryContext): ResolvedField[] {
	if (groupBy === undefined) {
		return [];
	}

	return (Array.isArray(groupBy) ? groupBy : [groupBy]).map((clause) => {
		if (!('field' in clause) || clause.field === undefined) {
			throw malformed('The demo org does not support GROUP BY ROLLUP or CUBE.');
		}

		const field = resolveField(table, clause.field, context);
		if (field.type === 'datetime' || field.definition.describeType === 'textarea') {
			throw new RestError(400, 'MALFORMED_QUERY', `field '${field.path.join('.')}' can not be grouped in a query call`);
		}

		return field;
	});
}

function aggregate(fn: string, field: ResolvedField | undefined, records: readonly object[]): FieldValue {
	if (field === undefined) {
		return records.length;
	}

	const read = field.read;
	const values = records.map((record) => read(record)).filter((value) => value !== null);
	switch (fn) {
		case 'COUNT': {
			return values.length;
		}

		case 'COUNT_DISTINCT': {
			return new Set(values.map((value) => (typeof value === 'string' ? value.toUpperCase() : value))).size;
		}

		case 'SUM':
		case 'AVG': {
			if (values.length === 0) {
				return null;
			}

			const sum = values.reduce<number>((total, value) => total + Number(value), 0);
			return fn === 'SUM' ? sum : sum / values.length;
		}

		default: {
			const comparable = comparableReader({...field, read: (value) => value as unknown as FieldValue});
			let best: FieldValue = null;
			let bestKey: Comparable = null;
			for (const value of values) {
				const key = comparable(value as unknown as object);
				if (bestKey === null || (fn === 'MIN' ? key! < bestKey : key! > bestKey)) {
					best = value;
					bestKey = key;
				}
			}

			return best;
		}
	}
}

function typeOf(fn: string, field: ResolvedField | undefined): FieldType {
	return fn === 'MIN' || fn === 'MAX' ? field?.type ?? 'number' : 'number';
}

/** A table over the result rows, so that HAVING and ORDER BY reuse the WHERE and ORDER BY compilers. */
function rowsTable(groupFields: readonly ResolvedField[], aggregates: ReadonlyMap<string, {fn: string; field: ResolvedField | undefined}>, rows: readonly object[]): SObjectTable {
	type Row = Map<string, FieldValue>;
	const fields = [
		...groupFields.map((field) => {
			const key = keyOf(field.path.join('.'));
			return tableField<Row>(key, field.type, (row) => row.get(key) ?? null);
		}),
		...[...aggregates].map(([key, {fn, field}]) => tableField<Row>(key, typeOf(fn, field), (row) => row.get(key) ?? null)),
	];
	return makeTable<Row>({name: 'AggregateResult', keyPrefix: '', records: rows as Row[], idOf: () => '', fields});
}

type FunctionReference = {fn: string; path: string | undefined};

function functionReference(fn: {functionName: string; parameters?: unknown[]}): FunctionReference {
	const parameter = fn.parameters?.[0];
	return {fn: fn.functionName.toUpperCase(), path: typeof parameter === 'string' ? parameter : undefined};
}

function collectFunctionKeys(clause: WhereClause | undefined): FunctionReference[] {
	if (!clause) {
		return [];
	}

	const found: FunctionReference[] = [];
	const left = clause.left as {fn?: {functionName: string; parameters?: unknown[]}} | null;
	if (left?.fn) {
		found.push(functionReference(left.fn));
	}

	if ('right' in clause && clause.right) {
		found.push(...collectFunctionKeys(clause.right));
	}

	return found;
}

function collectOrderKeys(orderBy: OrderByClause | OrderByClause[] | undefined): FunctionReference[] {
	const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
	return clauses.flatMap((clause) => ('fn' in clause && clause.fn ? [functionReference(clause.fn as {functionName: string; parameters?: unknown[]})] : []));
}

/** HAVING names aggregates (`COUNT(Id) > 1`): make each one a field of the rows table. */
function rewriteFunctions(clause: WhereClause): WhereClause {
	const left = clause.left as Record<string, unknown> | null;
	let newLeft = left;
	if (left && 'fn' in left) {
		const {fn, ...rest} = left as {fn: {functionName: string; parameters?: unknown[]}};
		const reference = functionReference(fn);
		newLeft = {...rest, field: keyOf(reference.path === undefined ? `${reference.fn}()` : `${reference.fn}(${reference.path})`)};
	} else if (left && typeof left.field === 'string') {
		newLeft = {...left, field: keyOf(left.field)};
	}

	const rewritten = {...clause, left: newLeft} as WhereClause;
	if ('right' in clause && clause.right) {
		(rewritten as {right: WhereClause}).right = rewriteFunctions(clause.right);
	}

	return rewritten;
}

function sortRows(rows: readonly object[], orderBy: OrderByClause | OrderByClause[], rowTable: SObjectTable, context: QueryContext): object[] {
	const clauses = Array.isArray(orderBy) ? orderBy : [orderBy];
	const keys = clauses.map((clause) => {
		let name: string;
		if ('fn' in clause && clause.fn) {
			const reference = functionReference(clause.fn as {functionName: string; parameters?: unknown[]});
			name = reference.path === undefined ? `${reference.fn}()` : `${reference.fn}(${reference.path})`;
		} else {
			name = (clause as {field: string}).field;
		}

		const field = resolveAggregateName(rowTable, name, context);
		return {read: comparableReader(field), descending: clause.order === 'DESC', nullsFirst: clause.nulls !== 'LAST'};
	});
	const decorated = rows.map((row) => ({row, values: keys.map((key) => key.read(row))}));
	decorated.sort((left, right) => {
		for (const [index, key] of keys.entries()) {
			const a = left.values[index]!;
			const b = right.values[index]!;
			if (a === b) {
				continue;
			}

			if (a === null) {
				return key.nullsFirst ? -1 : 1;
			}

			if (b === null) {
				return key.nullsFirst ? 1 : -1;
			}

			return (a < b ? -1 : 1) * (key.descending ? -1 : 1);
		}

		return 0;
	});
	return decorated.map((entry) => entry.row);
}

function resolveAggregateName(rowTable: SObjectTable, name: string, context: QueryContext): ResolvedField {
	const key = keyOf(name);
	const field = rowTable.fields.find((candidate) => candidate.name === key);
	if (!field) {
		throw malformed(`Ordered field must be grouped or aggregated: ${name}`);
	}

	return resolveField(rowTable, field.name, context);
}
