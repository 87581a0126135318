/** An existing SalesScreen person, as import planning sees them. */
export type KnownPerson = {
	id: number;
	name: string;
	/** Normalised (see normaliseEmail). */
	email: string;
};

/** What the store already holds, indexed for planning. Built by the store adapter, read by the core. */
export type ImportContext = {
	personByEmail: ReadonlyMap<string, KnownPerson>;
	personIdBySalesforceId: ReadonlyMap<string, number>;
	salesforceIdByPersonId: ReadonlyMap<number, string>;
};

export function emptyImportContext(): ImportContext {
	return {personByEmail: new Map(), personIdBySalesforceId: new Map(), salesforceIdByPersonId: new Map()};
}
