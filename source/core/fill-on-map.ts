/**
 * Which of a person's fields an import overwrites from Salesforce when it maps a user to them. The admin
 * chooses; by default (`none`) a mapped person's own data is never touched.
 */
export type FillOnMap = 'none' | 'name' | 'title' | 'name-title';

export const fillOnMapValues: readonly FillOnMap[] = ['none', 'name', 'title', 'name-title'];

export function isFillOnMap(value: unknown): value is FillOnMap {
	return typeof value === 'string' && (fillOnMapValues as readonly string[]).includes(value);
}

export function fillsName(fill: FillOnMap): boolean {
	return fill === 'name' || fill === 'name-title';
}

export function fillsTitle(fill: FillOnMap): boolean {
	return fill === 'title' || fill === 'name-title';
}

/** The person's fields a mapping overwrites; a field left out is not touched. */
export type PersonFill = {name?: string; title?: string | null};
