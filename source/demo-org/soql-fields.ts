import type {FieldDefinition, FieldType, FieldValue, RelationshipDefinition, SObjectTable} from './sobject-table.js';
import {soqlError} from './rest-error.js';

/** A field path of a query (`Email`, `Profile.Name`, `Profile.UserLicense.Name`) bound to the object it is read from. */
export type ResolvedField = {
	/** In the case Salesforce returns it: `['Profile', 'Name']`. */
	path: readonly string[];
	type: FieldType;
	definition: FieldDefinition;
	/** The lookups followed to reach the field, outermost first; empty for a field of the object itself. */
	relationships: readonly RelationshipDefinition[];
	read: (record: object) => FieldValue;
};

export type QueryContext = {
	soql: string;
	alias?: string;
	/** What date literals (TODAY, LAST_N_DAYS:n) are measured from. */
	now?: number;
	/** Runs a semi-join's inner query and gives the ids it selects; absent inside one (they do not nest). */
	subquery?: (query: import('@jetstreamapp/soql-parser-js').Query) => ReadonlySet<string>;
};

const customFieldHint =
	"If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
const customRelationshipHint =
	"If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";
/** SOQL follows at most five levels of child-to-parent relationships. */
const maximumRelationshipDepth = 5;

export function resolveField(table: SObjectTable, rawPath: string, context: QueryContext): ResolvedField {
	let parts = rawPath.split('.');
	if (parts.length > 1 && context.alias && parts[0]!.toLowerCase() === context.alias.toLowerCase()) {
		parts = parts.slice(1);
	}

	const fail = (text: string) => soqlError('INVALID_FIELD', context.soql, positionOf(context.soql, rawPath), text);
	const chain: RelationshipDefinition[] = [];
	let current = table;
	for (const part of parts.slice(0, -1)) {
		const relationship = current.relationships.find((candidate) => candidate.name.toLowerCase() === part.toLowerCase());
		if (!relationship || chain.length >= maximumRelationshipDepth) {
			throw fail(`Didn't understand relationship '${part}' in field path. ${customRelationshipHint}`);
		}

		chain.push(relationship);
		current = relationship.target;
	}

	const last = parts.at(-1)!;
	const definition = findField(current, last);
	if (!definition) {
		throw fail(`No such column '${last}' on entity '${current.name}'. ${customFieldHint}`);
	}

	const readField = definition.read;
	const path = [...chain.map((relationship) => relationship.name), definition.name];
	if (chain.length === 0) {
		return {path, type: definition.type, definition, relationships: chain, read: readField};
	}

	const readers = chain.map((relationship) => relationship.read);
	return {
		path,
		type: definition.type,
		definition,
		relationships: chain,
		read(record) {
			let related: object | null = record;
			for (const readRelated of readers) {
				related = readRelated(related);
				if (related === null) {
					return null;
				}
			}

			return readField(related);
		},
	};
}

export function findField(table: SObjectTable, name: string): FieldDefinition | undefined {
	const wanted = name.toLowerCase();
	return table.fields.find((candidate) => candidate.name.toLowerCase() === wanted);
}

/** Where a name first stands on its own in the query, for the caret Salesforce puts under it. */
export function positionOf(soql: string, text: string): number | undefined {
	const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const match = new RegExp(`(?<![\\w.])${escaped}(?![\\w])`, 'i').exec(soql);
	return match?.index;
}

export type Comparable = string | number | boolean | null;

/**
 * Values as filters and sorting compare them: text upper-cased (Salesforce compares text without case, and
 * sorts English by upper-case UTF-8 values), date-times as milliseconds, ids as they are (18 characters).
 */
export function comparableReader(field: ResolvedField): (record: object) => Comparable {
	const read = field.read;
	switch (field.type) {
		case 'string': {
			return (record) => {
				const value = read(record);
				return typeof value === 'string' ? value.toUpperCase() : null;
			};
		}

		case 'datetime':
		case 'date': {
			return (record) => {
				const value = read(record);
				return typeof value === 'string' ? Date.parse(value) : null;
			};
		}

		default: {
			return read;
		}
	}
}
