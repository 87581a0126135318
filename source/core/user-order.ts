import type {SalesforceUser} from './salesforce-user.js';

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order the listing asks Salesforce for, ORDER BY LastName, FirstName, Id: Salesforce sorts text by its
 * upper-case form, nulls first.
 */
export function compareByName(a: SalesforceUser, b: SalesforceUser): number {
	return (
		compareText((a.lastName ?? '').toUpperCase(), (b.lastName ?? '').toUpperCase()) ||
		compareText((a.firstName ?? '').toUpperCase(), (b.firstName ?? '').toUpperCase()) ||
		compareText(a.id, b.id)
	);
}

/** Two lists each already in name order, as one in name order (linear: no sort of the whole org). */
export function mergeByName(first: readonly SalesforceUser[], second: readonly SalesforceUser[]): SalesforceUser[] {
	if (second.length === 0) {
		return first.slice();
	}

	if (first.length === 0) {
		return second.slice();
	}

	const merged: SalesforceUser[] = new Array(first.length + second.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < first.length && j < second.length) {
		merged[k++] = compareByName(first[i]!, second[j]!) <= 0 ? first[i++]! : second[j++]!;
	}

	while (i < first.length) {
		merged[k++] = first[i++]!;
	}

	while (j < second.length) {
		merged[k++] = second[j++]!;
	}

	return merged;
}
