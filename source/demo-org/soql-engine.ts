import {parseQuery, type FieldType as SelectItem, type OrderByClause, type Query} from '@jetstreamapp/soql-parser-js';
import type {DemoDatabase, SObjectTable} from './demo-database.js';
import {RestError, soqlError} from './rest-error.js';
import {comparableReader, positionOf, resolveField, type Comparable, type QueryContext, type ResolvedField} from './soql-fields.js';
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

	const context: QueryContext = {soql, alias: query.sObjectAlias};
	const {fields, countOnly, needsSmallLimit} = selectedFields(query.fields ?? [], table, context);
	const offset = query.offset;
	if (offset !== undefined && offset > maximumOffset) {
		throw soqlError('NUMBER_OUTSIDE_VALID_RANGE', soql, positionOf(soql, String(offset)), `Maximum SOQL offset allowed is ${maximumOffset}`);
	}

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
		project: (record, apiVersion) => project(record, table, fields, apiVersion),
	};
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
	if (query.groupBy !== undefined || query.having !== undefined) {
		throw unsupported('GROUP BY or HAVING');
	}

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
				if (name === 'COUNT' && item.parameters.length === 0) {
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
		const relationship = field.relationship;
		if (!relationship) {
			result[field.definition.name] = field.definition.read(record);
			continue;
		}

		const related = relationship.read(record);
		if (related === null) {
			result[relationship.name] = null;
			continue;
		}

		let nested = result[relationship.name] as Record<string, unknown> | undefined;
		if (nested === undefined) {
			const target = relationship.target;
			nested = {attributes: {type: target.name, url: recordUrl(apiVersion, target.name, target.idOf(related))}};
			result[relationship.name] = nested;
		}

		nested[field.definition.name] = field.definition.read(related);
	}

	return result;
}
