import type {FieldDefinition, FieldType, FieldValue, RelationshipDefinition, SObjectTable} from './demo-database.js';
import {soqlError} from './rest-error.js';

/** A field path of a query (`Email`, `Profile.Name`) bound to the object it is read from. */
export type ResolvedField = {
	/** In the case Salesforce returns it: `['Profile', 'Name']`. */
	path: readonly string[];
	type: FieldType;
	definition: FieldDefinition;
	/** Set for a field reached through a lookup. */
	relationship?: RelationshipDefinition;
	read: (record: object) => FieldValue;
};

export type QueryContext = {soql: string; alias?: string};

const customFieldHint =
	"If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
const customRelationshipHint =
	"If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";

export function resolveField(table: SObjectTable, rawPath: string, context: QueryContext): ResolvedField {
	let parts = rawPath.split('.');
	if (parts.length > 1 && context.alias && parts[0]!.toLowerCase() === context.alias.toLowerCase()) {
		parts = parts.slice(1);
	}

	const fail = (text: string) => soqlError('INVALID_FIELD', context.soql, positionOf(context.soql, rawPath), text);
	if (parts.length === 1) {
		const definition = findField(table, parts[0]!);
		if (!definition) {
			throw fail(`No such column '${parts[0]}' on entity '${table.name}'. ${customFieldHint}`);
		}

		return {path: [definition.name], type: definition.type, definition, read: definition.read};
	}

	const relationship = table.relationships.find((candidate) => candidate.name.toLowerCase() === parts[0]!.toLowerCase());
	if (!relationship || parts.length > 2) {
		const unknown = relationship ? parts[1]! : parts[0]!;
		throw fail(`Didn't understand relationship '${unknown}' in field path. ${customRelationshipHint}`);
	}

	const definition = findField(relationship.target, parts[1]!);
	if (!definition) {
		throw fail(`No such column '${parts[1]}' on entity '${relationship.target.name}'. ${customFieldHint}`);
	}

	const readRelated = relationship.read;
	const readField = definition.read;
	return {
		path: [relationship.name, definition.name],
		type: definition.type,
		definition,
		relationship,
		read(record) {
			const related = readRelated(record);
			return related === null ? null : readField(related);
		},
	};
}

function findField(table: SObjectTable, name: string): FieldDefinition | undefined {
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

		case 'datetime': {
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
