import type {ConditionWithValueQuery, LiteralType, Query, WhereClause} from '@jetstreamapp/soql-parser-js';
import {dateLiteralRange} from './soql-date-literals.js';
import type {SObjectTable} from './sobject-table.js';
import {RestError, soqlError} from './rest-error.js';
import {normaliseSalesforceId} from './salesforce-id.js';
import {comparableReader, positionOf, resolveField, type Comparable, type QueryContext, type ResolvedField} from './soql-fields.js';
import {likeExpression, stringLiteralValue} from './soql-literals.js';

export type RowPredicate = (record: object) => boolean;

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | {condition: ConditionWithValueQuery};

/**
 * The parser hands WHERE over as a right-leaning chain in which parentheses are counts on the conditions
 * (`openParen`, `closeParen`) and NOT is a node with no left side. Reading the chain back as tokens and
 * parsing those restores the real nesting: NOT binds to what follows it, and, as Salesforce requires,
 * AND and OR cannot be mixed at one level without parentheses.
 */
export function compileWhere(where: WhereClause, table: SObjectTable, context: QueryContext): RowPredicate {
	const tokens: Token[] = [];
	flatten(where, tokens);
	let position = 0;
	const malformed = (found: Token | undefined) =>
		new RestError(400, 'MALFORMED_QUERY', `unexpected token: '${found === undefined ? '<EOF>' : typeof found === 'string' ? found : 'condition'}'`);

	const expression = (): RowPredicate => {
		const operands = [unary()];
		let joiner: 'AND' | 'OR' | undefined;
		for (let token = tokens[position]; token === 'AND' || token === 'OR'; token = tokens[position]) {
			if (joiner !== undefined && token !== joiner) {
				throw malformed(token);
			}

			joiner = token;
			position++;
			operands.push(unary());
		}

		if (operands.length === 1) {
			return operands[0]!;
		}

		return joiner === 'AND'
			? (record) => operands.every((operand) => operand(record))
			: (record) => operands.some((operand) => operand(record));
	};

	const unary = (): RowPredicate => {
		const token = tokens[position++];
		if (token === 'NOT') {
			const operand = unary();
			return (record) => !operand(record);
		}

		if (token === '(') {
			const inner = expression();
			if (tokens[position++] !== ')') {
				throw malformed(tokens[position - 1]);
			}

			return inner;
		}

		if (token !== undefined && typeof token === 'object') {
			return compileCondition(token.condition, table, context);
		}

		throw malformed(token);
	};

	const predicate = expression();
	if (position !== tokens.length) {
		throw malformed(tokens[position]);
	}

	return predicate;
}

function flatten(clause: WhereClause, tokens: Token[]): void {
	const left = clause.left as (ConditionWithValueQuery & {openParen?: number; closeParen?: number}) | null;
	const isCondition = left !== null && ('field' in left || 'fn' in left);
	for (let count = left?.openParen ?? 0; count > 0; count--) {
		tokens.push('(');
	}

	if (isCondition) {
		tokens.push({condition: left});
		for (let count = left.closeParen ?? 0; count > 0; count--) {
			tokens.push(')');
		}
	}

	if ('operator' in clause && clause.operator !== undefined) {
		tokens.push(clause.operator);
		flatten(clause.right, tokens);
	}
}

function unsupported(what: string): RestError {
	return new RestError(400, 'MALFORMED_QUERY', `The demo org does not support ${what}.`);
}

function compileCondition(condition: ConditionWithValueQuery, table: SObjectTable, context: QueryContext): RowPredicate {
	if (!('field' in condition)) {
		throw unsupported('functions in WHERE');
	}

	const field = resolveField(table, condition.field, context);
	if ('valueQuery' in condition) {
		return semiJoin(field, condition.operator, condition.valueQuery, context);
	}

	const operator = condition.operator === ('<>' as string) ? '!=' : condition.operator;
	const values: string[] = Array.isArray(condition.value) ? condition.value : [condition.value];
	const literalTypes: LiteralType[] = Array.isArray(condition.literalType)
		? condition.literalType
		: values.map(() => (condition.literalType ?? 'STRING') as LiteralType);
	const filterError = (text: string) =>
		soqlError('INVALID_QUERY_FILTER_OPERATOR', context.soql, positionOf(context.soql, condition.field), text);

	if (literalTypes.some((type) => type === 'DATE_LITERAL' || type === 'DATE_N_LITERAL')) {
		return dateLiteralCondition(field, operator, values, literalTypes, context, filterError);
	}

	if (literalTypes.includes('APEX_BIND_VARIABLE')) {
		throw new RestError(400, 'MALFORMED_QUERY', 'Bind variables only allowed in Apex code');
	}

	const read = comparableReader(field);
	if (operator === 'LIKE') {
		if (field.type !== 'string') {
			throw filterError(`invalid operator on ${field.type === 'reference' ? 'id' : field.type} field`);
		}

		if (literalTypes[0] !== 'STRING') {
			throw filterError(typeMessage(field));
		}

		const pattern = likeExpression(values[0]!);
		return (record) => {
			const value = field.read(record);
			return typeof value === 'string' && pattern.test(value);
		};
	}

	if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
		throw filterError('includes or excludes operator only valid on multipicklist field');
	}

	const literals = values.map((value, index) => literalValue(field, value, literalTypes[index]!, filterError));
	if (field.type === 'boolean' && operator !== '=' && operator !== '!=' && operator !== 'IN' && operator !== 'NOT IN') {
		throw filterError('invalid operator on boolean field');
	}

	switch (operator) {
		case '=': {
			const wanted = literals[0]!;
			return (record) => read(record) === wanted;
		}

		case '!=': {
			const unwanted = literals[0]!;
			return (record) => read(record) !== unwanted;
		}

		case 'IN': {
			const wanted = new Set(literals);
			return (record) => wanted.has(read(record));
		}

		case 'NOT IN': {
			const unwanted = new Set(literals);
			return (record) => !unwanted.has(read(record));
		}

		case '<':
		case '<=':
		case '>':
		case '>=': {
			const bound = literals[0]!;
			if (bound === null) {
				return () => false;
			}

			return (record) => {
				const value = read(record);
				if (value === null) {
					return false;
				}

				return operator === '<' ? value < bound : operator === '<=' ? value <= bound : operator === '>' ? value > bound : value >= bound;
			};
		}

		default: {
			throw new RestError(400, 'MALFORMED_QUERY', `unexpected token: '${String(operator)}'`);
		}
	}
}

function literalValue(field: ResolvedField, raw: string, type: LiteralType, fail: (text: string) => RestError): Comparable {
	if (type === 'NULL') {
		return null;
	}

	switch (field.type) {
		case 'string': {
			if (type !== 'STRING') {
				throw fail(typeMessage(field));
			}

			return stringLiteralValue(raw).toUpperCase();
		}

		case 'id':
		case 'reference': {
			if (type !== 'STRING') {
				throw fail(typeMessage(field));
			}

			const text = stringLiteralValue(raw);
			const id = normaliseSalesforceId(text);
			if (id === null) {
				throw fail(`invalid ID field: ${text}`);
			}

			return id;
		}

		case 'boolean': {
			if (type !== 'BOOLEAN') {
				throw fail(typeMessage(field));
			}

			return raw.toUpperCase() === 'TRUE';
		}

		case 'datetime': {
			const time = Date.parse(raw);
			if (type !== 'DATETIME' || Number.isNaN(time)) {
				throw fail(typeMessage(field));
			}

			return time;
		}

		case 'date': {
			const time = Date.parse(raw);
			if (type !== 'DATE' || Number.isNaN(time)) {
				throw fail(typeMessage(field));
			}

			return time;
		}

		case 'number': {
			const number = Number(raw.replace(/^[A-Z]{3}/, ''));
			if (!numberLiteralTypes.has(type) || Number.isNaN(number)) {
				throw fail(typeMessage(field));
			}

			return number;
		}
	}
}

const numberLiteralTypes: ReadonlySet<LiteralType> = new Set(['INTEGER', 'DECIMAL', 'INTEGER_WITH_CURRENCY_PREFIX', 'DECIMAL_WITH_CURRENCY_PREFIX']);

/** `CreatedDate = LAST_N_DAYS:30`: a date literal is a range; `<` is before it, `>` after it, `=` within it. */
function dateLiteralCondition(
	field: ResolvedField,
	operator: string,
	values: readonly string[],
	literalTypes: readonly LiteralType[],
	context: QueryContext,
	fail: (text: string) => RestError,
): RowPredicate {
	if (field.type !== 'date' && field.type !== 'datetime') {
		throw fail(typeMessage(field));
	}

	const now = context.now ?? Date.now();
	const ranges = values.map((value, index) => {
		if (literalTypes[index] !== 'DATE_LITERAL' && literalTypes[index] !== 'DATE_N_LITERAL') {
			throw fail(typeMessage(field));
		}

		const range = dateLiteralRange(value, now);
		if (!range) {
			throw new RestError(400, 'MALFORMED_QUERY', `unexpected token: '${value}'`);
		}

		return range;
	});
	const read = comparableReader(field);
	const within = (time: number) => ranges.some((range) => time >= range.start && time < range.end);
	const [first] = ranges;
	const test: Record<string, (time: number) => boolean> = {
		'=': within,
		IN: within,
		'!=': (time) => !within(time),
		'NOT IN': (time) => !within(time),
		'<': (time) => time < first!.start,
		'<=': (time) => time < first!.end,
		'>': (time) => time >= first!.end,
		'>=': (time) => time >= first!.start,
	};
	const check = test[operator];
	if (!check) {
		throw fail(`invalid operator on ${field.type === 'date' ? 'date' : 'dateTime'} field`);
	}

	return (record) => {
		const value = read(record);
		return typeof value === 'number' && check(value);
	};
}

/**
 * `Id IN (SELECT AssigneeId FROM PermissionSetAssignment WHERE …)` and its NOT IN anti-join: the inner
 * query selects one id field, and is run once, before the outer one.
 */
function semiJoin(field: ResolvedField, operator: string, inner: Query, context: QueryContext): RowPredicate {
	if (operator !== 'IN' && operator !== 'NOT IN') {
		throw new RestError(400, 'MALFORMED_QUERY', `unexpected token: '${operator}'`);
	}

	if (field.type !== 'id' && field.type !== 'reference') {
		throw new RestError(400, 'INVALID_FIELD', `Semi join sub-selects are only allowed on Id fields, not on '${field.path.join('.')}'.`);
	}

	if (!context.subquery) {
		throw new RestError(400, 'MALFORMED_QUERY', 'Nesting of semi join sub-selects is not supported');
	}

	const ids = context.subquery(inner);
	const read = field.read;
	return operator === 'IN'
		? (record) => {
				const value = read(record);
				return typeof value === 'string' && ids.has(value);
			}
		: (record) => {
				const value = read(record);
				return !(typeof value === 'string' && ids.has(value));
			};
}

function typeMessage(field: ResolvedField): string {
	const name = field.path.join('.');
	switch (field.type) {
		case 'boolean': {
			return `value of filter criterion for field '${name}' must be of type boolean and should not be enclosed in quotes`;
		}

		case 'datetime': {
			return `value of filter criterion for field '${name}' must be of type dateTime and should not be enclosed in quotes`;
		}

		case 'date': {
			return `value of filter criterion for field '${name}' must be of type date and should not be enclosed in quotes`;
		}

		case 'number': {
			return `value of filter criterion for field '${name}' must be of type double and should not be enclosed in quotes`;
		}

		case 'id':
		case 'reference': {
			return `value of filter criterion for field '${name}' must be of type id and should be enclosed in quotes`;
		}

		default: {
			return `value of filter criterion for field '${name}' must be of type string and should be enclosed in quotes`;
		}
	}
}
