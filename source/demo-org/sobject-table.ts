/** How the SOQL engine compares a field's values; describe's finer types (email, phone, picklist…) map onto these. */
export type FieldType = 'id' | 'reference' | 'string' | 'boolean' | 'datetime' | 'date' | 'number';
export type FieldValue = string | boolean | number | null;

/** The field types describe reports, as Salesforce names them. */
export type DescribeType =
	| 'id'
	| 'reference'
	| 'string'
	| 'boolean'
	| 'datetime'
	| 'date'
	| 'email'
	| 'phone'
	| 'url'
	| 'picklist'
	| 'textarea'
	| 'int'
	| 'double'
	| 'currency'
	| 'percent';

export type FieldDefinition = {
	/** The API name, in the case Salesforce returns it. */
	name: string;
	type: FieldType;
	describeType: DescribeType;
	label: string;
	/** False for fields every record has (Id, required fields, checkboxes). */
	nillable: boolean;
	/** Text length; 18 for ids, 0 for non-text fields. */
	length: number;
	picklistValues: readonly string[];
	read: (record: object) => FieldValue;
};

export type RelationshipDefinition = {
	name: string;
	/** The reference field holding the parent's id: `ProfileId` for `Profile`. */
	fieldName: string;
	target: SObjectTable;
	read: (record: object) => object | null;
};

/** One queryable object: its fields, its lookups, and its records. */
export type SObjectTable = {
	name: string;
	label: string;
	labelPlural: string;
	keyPrefix: string;
	fields: readonly FieldDefinition[];
	relationships: RelationshipDefinition[];
	records: readonly object[];
	idOf: (record: object) => string;
	/** Records deleted from the table, for `sobjects/{type}/deleted`; objects that cannot be deleted (User) have none. */
	deleted: ReadonlyArray<{id: string; deletedDate: string}>;
};

type FieldOptions = {
	label?: string;
	describeType?: DescribeType;
	nillable?: boolean;
	length?: number;
	picklistValues?: readonly string[];
};

export type TypedField<R> = Omit<FieldDefinition, 'read'> & {read: (record: R) => FieldValue};

const describeTypeOf: Record<FieldType, DescribeType> = {
	id: 'id',
	reference: 'reference',
	string: 'string',
	boolean: 'boolean',
	datetime: 'datetime',
	date: 'date',
	number: 'double',
};

const defaultLength: Partial<Record<DescribeType, number>> = {
	id: 18,
	reference: 18,
	string: 80,
	email: 128,
	phone: 40,
	url: 1024,
	picklist: 255,
	textarea: 255,
};

/** Salesforce labels fields with spaced words and without the Id suffix of a lookup: `LastModifiedById` → `Last Modified By ID`. */
function labelOf(name: string): string {
	return name
		.replace(/Id$/, ' ID')
		.replaceAll(/([a-z])([A-Z])/g, '$1 $2')
		.trim();
}

export function field<R>(name: string, type: FieldType, read: (record: R) => FieldValue, options: FieldOptions = {}): TypedField<R> {
	const describeType = options.describeType ?? describeTypeOf[type];
	return {
		name,
		type,
		describeType,
		label: options.label ?? (name === 'Id' ? 'Record ID' : labelOf(name)),
		// Checkboxes are never null on Salesforce; ids neither.
		nillable: options.nillable ?? (type !== 'boolean' && type !== 'id'),
		length: options.length ?? defaultLength[describeType] ?? 0,
		picklistValues: options.picklistValues ?? [],
		read,
	};
}

export function relationship<R>(name: string, fieldName: string, target: SObjectTable, read: (record: R) => object | null): RelationshipDefinition {
	// The engine reads rows without knowing their type; each table only ever hands its own records to its readers.
	return {name, fieldName, target, read: read as (record: object) => object | null};
}

export type TableOptions<R> = {
	name: string;
	labelPlural?: string;
	label?: string;
	keyPrefix: string;
	/** The records, or a function that makes them when they are first read (objects few clients ask about). */
	records: readonly R[] | (() => readonly R[]);
	idOf: (record: R) => string;
	fields: Array<TypedField<R>>;
	relationships?: RelationshipDefinition[];
	deleted?: ReadonlyArray<{id: string; deletedDate: string}> | (() => ReadonlyArray<{id: string; deletedDate: string}>);
};

export function table<R extends object>(options: TableOptions<R>): SObjectTable {
	const label = options.label ?? labelOf(options.name);
	const made = {
		name: options.name,
		label,
		labelPlural: options.labelPlural ?? `${label}s`,
		keyPrefix: options.keyPrefix,
		records: [] as readonly object[],
		idOf: options.idOf as (record: object) => string,
		fields: options.fields.map((definition) => ({...definition, read: definition.read as (record: object) => FieldValue})),
		relationships: options.relationships ?? [],
		deleted: [] as ReadonlyArray<{id: string; deletedDate: string}>,
	};
	for (const key of ['records', 'deleted'] as const) {
		const source = options[key] ?? [];
		if (typeof source === 'function') {
			let cached: readonly object[] | undefined;
			Object.defineProperty(made, key, {
				get: () => {
					cached ??= source() as readonly object[];
					return cached;
				},
			});
		} else {
			(made as Record<string, unknown>)[key] = source;
		}
	}

	return made;
}
