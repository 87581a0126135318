import type {DemoDatabase} from './demo-database.js';
import type {FieldDefinition, SObjectTable} from './sobject-table.js';

/**
 * Describe Global (`sobjects`), sObject Basic Information (`sobjects/{type}`) and sObject Describe
 * (`sobjects/{type}/describe`), built from the very tables the SOQL engine reads: every field describe
 * lists can be queried, and every field a query can name is described. The demo org is read-only, so no
 * object or field is createable, updateable or deletable.
 */

/** Objects Salesforce lets no one replicate with getUpdated/getDeleted. */
const notReplicateable = new Set(['Organization', 'UserLicense', 'AggregateResult']);

function urls(table: SObjectTable, version: string) {
	const base = `/services/data/v${version}/sobjects/${table.name}`;
	return {
		rowTemplate: `${base}/{ID}`,
		defaultValues: `${base}/defaultValues?recordTypeId&fields`,
		describe: `${base}/describe`,
		sobject: base,
	};
}

/** One entry of Describe Global, also the `objectDescribe` of basic information. */
export function globalEntry(table: SObjectTable, version: string) {
	const replicateable = !notReplicateable.has(table.name);
	return {
		activateable: false,
		associateEntityType: null,
		associateParentEntity: null,
		createable: false,
		custom: false,
		customSetting: false,
		deepCloneable: false,
		deletable: false,
		deprecatedAndHidden: false,
		feedEnabled: false,
		hasSubtypes: false,
		isInterface: false,
		isSubtype: false,
		keyPrefix: table.keyPrefix,
		label: table.label,
		labelPlural: table.labelPlural,
		layoutable: false,
		mergeable: false,
		mruEnabled: false,
		name: table.name,
		queryable: true,
		replicateable,
		retrieveable: true,
		searchable: false,
		triggerable: false,
		undeletable: false,
		updateable: false,
		urls: urls(table, version),
	};
}

export function describeGlobal(database: DemoDatabase, version: string) {
	const tables = [...database.tables.values()].sort((left, right) => left.name.localeCompare(right.name));
	return {encoding: 'UTF-8', maxBatchSize: 200, sobjects: tables.map((table) => globalEntry(table, version))};
}

export function basicInformation(table: SObjectTable, version: string) {
	return {objectDescribe: globalEntry(table, version), recentItems: []};
}

const soapTypes: Record<FieldDefinition['describeType'], string> = {
	id: 'tns:ID',
	reference: 'tns:ID',
	string: 'xsd:string',
	email: 'xsd:string',
	phone: 'xsd:string',
	url: 'xsd:string',
	picklist: 'xsd:string',
	textarea: 'xsd:string',
	boolean: 'xsd:boolean',
	datetime: 'xsd:dateTime',
	date: 'xsd:date',
	int: 'xsd:int',
	double: 'xsd:double',
	currency: 'xsd:double',
	percent: 'xsd:double',
};

function describeField(table: SObjectTable, definition: FieldDefinition) {
	const relationship = table.relationships.find((candidate) => candidate.fieldName === definition.name);
	const type = definition.describeType;
	const text = ['string', 'email', 'phone', 'url', 'picklist', 'textarea'].includes(type);
	const numeric = type === 'double' || type === 'currency' || type === 'percent';
	return {
		aggregatable: type !== 'textarea',
		aiPredictionField: false,
		autoNumber: false,
		byteLength: text || type === 'id' || type === 'reference' ? definition.length * 3 : 0,
		calculated: definition.name === 'Name' && table.name === 'User',
		calculatedFormula: null,
		cascadeDelete: false,
		caseSensitive: false,
		compoundFieldName: null,
		controllerName: null,
		createable: false,
		custom: false,
		defaultValue: null,
		defaultValueFormula: null,
		defaultedOnCreate: type === 'boolean' || type === 'id' || /^(CreatedDate|CreatedById|LastModifiedDate|LastModifiedById|SystemModstamp)$/.test(definition.name),
		dependentPicklist: false,
		deprecatedAndHidden: false,
		digits: type === 'int' ? 9 : 0,
		displayLocationInDecimal: false,
		encrypted: false,
		externalId: false,
		extraTypeInfo: type === 'textarea' ? 'plaintextarea' : type === 'url' && definition.name.endsWith('PhotoUrl') ? 'imageurl' : null,
		filterable: true,
		filteredLookupInfo: null,
		formulaTreatNullNumberAsZero: false,
		groupable: type !== 'datetime' && type !== 'textarea' && !numeric,
		highScaleNumber: false,
		htmlFormatted: false,
		idLookup: type === 'id' || definition.name === 'Username' || definition.name === 'Email' || definition.name === 'CommunityNickname',
		inlineHelpText: null,
		label: definition.label,
		length: text ? definition.length : type === 'id' || type === 'reference' ? 18 : 0,
		mask: null,
		maskType: null,
		name: definition.name,
		nameField: definition.name === 'Name',
		namePointing: false,
		nillable: definition.nillable,
		permissionable: definition.nillable && type !== 'id',
		picklistValues: definition.picklistValues.map((value, index) => ({active: true, defaultValue: index === 0 && definition.name === 'Status', label: value, validFor: null, value})),
		polymorphicForeignKey: false,
		precision: numeric ? 18 : 0,
		queryByDistance: false,
		referenceTargetField: null,
		referenceTo: relationship ? [relationship.target.name] : [],
		relationshipName: relationship ? relationship.name : null,
		relationshipOrder: null,
		restrictedDelete: false,
		restrictedPicklist: type === 'picklist',
		scale: numeric ? 2 : 0,
		searchPrefilterable: false,
		soapType: soapTypes[type],
		sortable: type !== 'textarea',
		type,
		unique: definition.name === 'Username' || definition.name === 'CommunityNickname',
		updateable: false,
		writeRequiresMasterRead: false,
	};
}

/** The objects whose lookups point at this one, as describe's childRelationships lists them. */
function childRelationships(database: DemoDatabase, table: SObjectTable) {
	const children = [];
	for (const child of database.tables.values()) {
		for (const relationship of child.relationships) {
			if (relationship.target === table) {
				children.push({
					cascadeDelete: false,
					childSObject: child.name,
					deprecatedAndHidden: false,
					field: relationship.fieldName,
					junctionIdListNames: [],
					junctionReferenceTo: [],
					relationshipName: null,
					restrictedDelete: false,
				});
			}
		}
	}

	return children;
}

export function describeSObject(database: DemoDatabase, table: SObjectTable, version: string) {
	return {
		actionOverrides: [],
		...globalEntry(table, version),
		childRelationships: childRelationships(database, table),
		compactLayoutable: false,
		defaultImplementation: null,
		extendedBy: null,
		extendsInterfaces: null,
		fields: table.fields.map((definition) => describeField(table, definition)),
		implementedBy: null,
		implementsInterfaces: null,
		listviewable: null,
		lookupLayoutable: null,
		namedLayoutInfos: [],
		networkScopeFieldName: null,
		recordTypeInfos: [],
		searchLayoutable: false,
		sobjectDescribeOption: 'FULL',
		supportedScopes: [{label: 'All records', name: 'everything'}],
	};
}
