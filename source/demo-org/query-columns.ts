import type {FieldType} from './sobject-table.js';
import type {ResolvedField} from './soql-fields.js';

/**
 * `query?q=…&columns=true`: the columns a query selects, without running it. Salesforce's Developer
 * Console and its CLI (`sf data query`) ask this to lay out results; it is not in the REST API guide, so
 * the shape follows real orgs' answers in public examples: a relationship is one column whose
 * joinColumns hold the parent's fields, an aggregate is a column named by its alias or exprN.
 */
export type QueryColumn = {
	aggregate: boolean;
	apexType: string | null;
	booleanType: boolean;
	columnName: string;
	custom: boolean;
	displayName: string;
	foreignKeyName: string | null;
	insertable: boolean;
	joinColumns: QueryColumn[];
	numberType: boolean;
	textType: boolean;
	updatable: boolean;
};

const apexTypes: Record<FieldType, string> = {
	id: 'Id',
	reference: 'Id',
	string: 'String',
	boolean: 'Boolean',
	datetime: 'Datetime',
	date: 'Date',
	number: 'Double',
};

function column(columnName: string, displayName: string, type: FieldType | null, aggregate: boolean): QueryColumn {
	return {
		aggregate,
		apexType: type === null ? null : apexTypes[type],
		booleanType: type === 'boolean',
		columnName,
		custom: false,
		displayName,
		foreignKeyName: null,
		insertable: false,
		joinColumns: [],
		numberType: type === 'number',
		textType: type === 'string',
		updatable: false,
	};
}

export function fieldColumns(fields: readonly ResolvedField[]): QueryColumn[] {
	const top: QueryColumn[] = [];
	for (const field of fields) {
		let level = top;
		const names: string[] = [];
		for (const relationship of field.relationships) {
			names.push(relationship.name);
			let parent = level.find((candidate) => candidate.columnName === relationship.name);
			if (!parent) {
				parent = column(relationship.name, names.join('.'), null, false);
				level.push(parent);
			}

			level = parent.joinColumns;
		}

		level.push(column(field.definition.name, field.path.join('.'), field.type, false));
	}

	return top;
}

export function aggregateColumn(name: string, displayName: string, type: FieldType): QueryColumn {
	return column(name, displayName, type, true);
}
