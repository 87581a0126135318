import {parseQuery, type FieldType as SelectItem, type OrderByClause, type Query} from '@jetstreamapp/soql-parser-js';
import type {DemoDatabase} from './demo-database.js';
import type {SObjectTable} from './sobject-table.js';
import {RestError, soqlError} from './rest-error.js';
import {comparableReader, positionOf, resolveField, type Comparable, type QueryContext, type ResolvedField} from './soql-fields.js';
import {fieldColumns, type QueryColumn} from './query-columns.js';
import {isAggregateQuery, runAggregate} from './soql-aggregate.js';
import {compileWhere} from './soql-where.js';

/** Salesforce refuses an OFFSET above this (NUMBER_OUTSIDE_VALID_RANGE). */
export const maximumOffset = 2000;
/** FIELDS(ALL) and FIELDS(CUSTOM) need a LIMIT of at most this. */
const fieldsFunctionLimit = 200;

export type SoqlResult = {
	table: SObjectTable;
	/** The records the query returns, filtered, ordered, offset and limited. */
	rows: readonly object[];
	totalSize: number;
	/** `SELECT COUNT() …`: only totalSize is answered, with no records. */
	countOnly: boolean;
	/** With OFFSET, Salesforce returns the first batch only and no cursor for the rest. */
	firstBatchOnly: boolean;
	/** Aggregate results come in one batch: Salesforce does not page them with queryMore. */
	singleBatch: boolean;
	/** The selected field paths (or aggregate names), in order: the columns of a CSV result. */
	columns: readonly string[];
	/** What `query?columns=true` answers for the query. */
	columnMetadata: () => QueryColumn[];
	/** The record as the REST API returns it, lookups nested under their relationship name. */
	project: (record: object, apiVersion: string) => Record<string, unknown>;
};

type SortKey = {read: (record: object) => Comparable; descending: boolean; nullsFirst: boolean};

function unsupported(what: string): RestError {
	return new RestError(400, 'MALFORMED_QUERY', `The demo org does not support ${what}.`);
}

/** Parses one SOQL statement and evaluates it against the demo org's records, as Salesforce's query resource does. */
export function runSoql(soql: string, database: DemoDatabase): SoqlResult {
	const query = parse(soql);
	rejectUnsupportedClauses(query);

	const objectName = query.sObject ?? '';
	const table = database.find(objectName);
	if (!table) {
		throw soqlError(
			'INVALID_TYPE',
			soql,
			positionOf(soql, objectName),
			`sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
		);
	}

	const now = database.now?.() ?? Date.now();
	const context: QueryContext = {soql, alias: query.sObjectAlias, now, subquery: (inner) => semiJoinIds(inner, database, {soql, now})};
	const offset = query.offset;
	if (offset !== undefined && offset > maximumOffset) {
		throw soqlError('NUMBER_OUTSIDE_VALID_RANGE', soql, positionOf(soql, String(offset)), `Maximum SOQL offset allowed is ${maximumOffset}`);
	}

	if (isAggregateQuery(query)) {
		const predicate = query.where ? compileWhere(query.where, table, context) : undefined;
		const matched = predicate ? table.records.filter((record) => predicate(record)) : table.records;
		return runAggregate(query, table, matched, context);
	}

	const {fields, countOnly, needsSmallLimit} = selectedFields(query.fields ?? [], table, context);

	if (needsSmallLimit && (query.limit === undefined || query.limit > fieldsFunctionLimit)) {
		throw new RestError(400, 'MALFORMED_QUERY', `The SOQL FIELDS function must have a LIMIT of at most ${fieldsFunctionLimit}`);
	}

	const predicate = query.where ? compileWhere(query.where, table, context) : undefined;
	const sortKeys = orderByKeys(query.orderBy, table, context);

	let matched = predicate ? table.records.filter((record) => predicate(record)) : table.records.slice();
	if (sortKeys.length > 0 && !countOnly) {
		matched = sortRecords(matched, sortKeys);
	}

	const start = offset ?? 0;
	const rows = matched.slice(start, query.limit === undefined ? undefined : start + query.limit);
	return {
		table,
		rows: countOnly ? [] : rows,
		totalSize: rows.length,
		countOnly,
		firstBatchOnly: offset !== undefined,
		singleBatch: false,
		columns: fields.map((field) => field.path.join('.')),
		columnMetadata: () => fieldColumns(fields),
		project: (record, apiVersion) => project(record, table, fields, apiVersion),
	};
}

/** The ids a semi-join's inner query selects: one id or lookup field, no nesting, no aggregates. */
function semiJoinIds(inner: Query, database: DemoDatabase, outer: {soql: string; now: number}): ReadonlySet<string> {
	const table = database.find(inner.sObject ?? '');
	if (!table) {
		throw new RestError(400, 'INVALID_TYPE', `sObject type '${inner.sObject ?? ''}' is not supported.`);
	}

	const context: QueryContext = {soql: outer.soql, alias: inner.sObjectAlias, now: outer.now};
	const items = inner.fields ?? [];
	const only = items.length === 1 ? items[0]! : undefined;
	const path = only?.type === 'Field' ? only.field : only?.type === 'FieldRelationship' ? [...only.relationships, only.field].join('.') : undefined;
	if (path === undefined || isAggregateQuery(inner) || inner.limit !== undefined || inner.offset !== undefined) {
		throw new RestError(400, 'MALFORMED_QUERY', 'A semi join sub-select must select exactly one Id field, without aggregates, LIMIT or OFFSET');
	}

	const field = resolveField(table, path, context);
	if (field.type !== 'id' && field.type !== 'reference') {
		throw new RestError(400, 'INVALID_FIELD', `The selected field '${field.path.join('.')}' in a semi join sub-select must be an Id or a reference field.`);
	}

	const predicate = inner.where ? compileWhere(inner.where, table, context) : undefined;
	const ids = new Set<string>();
	for (const record of table.records) {
		if (predicate && !predicate(record)) {
			continue;
		}

		const value = field.read(record);
		if (typeof value === 'string') {
			ids.add(value);
		}
	}

	return ids;
}

function parse(soql: string): Query {
	try {
		return parseQuery(soql);
	} catch (error: unknown) {
		throw new RestError(400, 'MALFORMED_QUERY', parseErrorText(error));
	}
}

/** The parser's messages name the token it did not expect; Salesforce says `unexpected token: 'x'`. */
function parseErrorText(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const found = /but found(?::| -->)? ?'([^']*)'/.exec(message) ?? /unexpected character: ->(.)<-/.exec(message);
	if (found) {
		return `unexpected token: '${found[1] === '' ? '<EOF>' : found[1]}'`;
	}

	return `The query could not be parsed: ${message.split('\n')[0]}`;
}

function rejectUnsupportedClauses(query: Query): void {

	if (query.withDataCategory !== undefined) {
		throw unsupported('WITH DATA CATEGORY');
	}

	if (query.usingScope !== undefined) {
		throw unsupported('USING SCOPE');
	}

	if (query.for !== undefined || query.update !== undefined) {
		throw unsupported('FOR VIEW, FOR REFERENCE, FOR UPDATE or UPDATE TRACKING');
	}
}

function selectedFields(items: readonly SelectItem[], table: SObjectTable, context: QueryContext) {
	const fields: ResolvedField[] = [];
	const seen = new Set<string>();
	let countOnly = false;
	let needsSmallLimit = false;
	const add = (field: ResolvedField, explicit: boolean) => {
		const key = field.path.join('.').toLowerCase();
		if (seen.has(key)) {
			if (explicit) {
				throw new RestError(400, 'MALFORMED_QUERY', `duplicate field selected: ${field.path.join('.')}`);
			}

			return;
		}

		seen.add(key);
		fields.push(field);
	};

	for (const item of items) {
		switch (item.type) {
			case 'Field': {
				add(resolveField(table, item.field, context), true);
				break;
			}

			case 'FieldRelationship': {
				add(resolveField(table, [...item.relationships, item.field].join('.'), context), true);
				break;
			}

			case 'FieldFunctionExpression': {
				const name = item.functionName.toUpperCase();
				if (name === 'COUNT' && (item.parameters ?? []).length === 0) {
					countOnly = true;
				} else if (name === 'FIELDS') {
					const kind = String(item.parameters[0] ?? '').toUpperCase();
					needsSmallLimit ||= kind !== 'STANDARD';
					if (kind !== 'CUSTOM') {
						// The demo org has no custom fields: ALL and STANDARD are the same list.
						for (const definition of table.fields) {
							add(resolveField(table, definition.name, context), false);
						}
					}
				} else {
					throw unsupported(`${item.functionName}() in SELECT`);
				}

				break;
			}

			case 'FieldSubquery': {
				throw unsupported('child relationship subqueries');
			}

			case 'FieldTypeof': {
				throw unsupported('TYPEOF');
			}
		}
	}

	if (countOnly && (fields.length > 0 || items.length > 1)) {
		throw new RestError(400, 'MALFORMED_QUERY', 'COUNT() cannot be combined with other fields in SELECT');
	}

	if (!countOnly && fields.length === 0) {
		throw new RestError(400, 'MALFORMED_QUERY', "unexpected token: 'FROM'");
	}

	return {fields, countOnly, needsSmallLimit};
}

function orderByKeys(orderBy: OrderByClause | OrderByClause[] | undefined, table: SObjectTable, context: QueryContext): SortKey[] {
	if (orderBy === undefined) {
		return [];
	}

	return (Array.isArray(orderBy) ? orderBy : [orderBy]).map((clause) => {
		if (!('field' in clause)) {
			throw unsupported('functions in ORDER BY');
		}

		return {
			read: comparableReader(resolveField(table, clause.field, context)),
			descending: clause.order === 'DESC',
			// Salesforce documents nulls first unless NULLS LAST is given, in either direction.
			nullsFirst: clause.nulls !== 'LAST',
		};
	});
}

function sortRecords(records: readonly object[], keys: readonly SortKey[]): object[] {
	// Reading every key once per record, rather than once per comparison, keeps 100,000 records fast.
	const decorated = records.map((record) => ({record, values: keys.map((key) => key.read(record))}));
	decorated.sort((left, right) => {
		for (let index = 0; index < keys.length; index++) {
			const a = left.values[index]!;
			const b = right.values[index]!;
			if (a === b) {
				continue;
			}

			const key = keys[index]!;
			if (a === null) {
				return key.nullsFirst ? -1 : 1;
			}

			if (b === null) {
				return key.nullsFirst ? 1 : -1;
			}

			const order = a < b ? -1 : 1;
			return key.descending ? -order : order;
		}

		return 0;
	});
	return decorated.map((entry) => entry.record);
}

function recordUrl(apiVersion: string, type: string, id: string): string {
	return `/services/data/v${apiVersion}/sobjects/${type}/${id}`;
}

function project(record: object, table: SObjectTable, fields: readonly ResolvedField[], apiVersion: string): Record<string, unknown> {
	const result: Record<string, unknown> = {attributes: {type: table.name, url: recordUrl(apiVersion, table.name, table.idOf(record))}};
	for (const field of fields) {
		let target = result;
		let source: object = record;
		let complete = true;
		for (const relationship of field.relationships) {
			const existing = target[relationship.name];
			if (existing === null) {
				complete = false;
				break;
			}

			const related = relationship.read(source);
			if (related === null) {
				target[relationship.name] = null;
				complete = false;
				break;
			}

			let nested = existing as Record<string, unknown> | undefined;
			if (nested === undefined) {
				const parent = relationship.target;
				nested = {attributes: {type: parent.name, url: recordUrl(apiVersion, parent.name, parent.idOf(related))}};
				target[relationship.name] = nested;
			}

			target = nested;
			source = related;
		}

		if (complete) {
			target[field.definition.name] = field.definition.read(source);
		}
	}

	return result;
}
