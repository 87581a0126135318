import type {SalesforceUser} from '../core/salesforce-user.js';
import type {UserRecord} from './answer-schemas.js';

/** Returns one shared copy of each string it is given, so that equal values need their memory once. */
export type Interner = (value: string | null | undefined) => string | null;

export function stringInterner(): Interner {
	const copies = new Map<string, string>();
	return (value) => {
		if (value === null || value === undefined) {
			return null;
		}

		const copy = copies.get(value);
		if (copy !== undefined) {
			return copy;
		}

		copies.set(value, value);
		return value;
	};
}

/**
 * JSON.parse gives every record its own copy of "Standard", "Sales Manager" or "EMEA"; a few hundred
 * distinct values repeated across 100,000 users cost tens of megabytes unless they are shared.
 */
export function toSalesforceUser(record: UserRecord, same: Interner = (value) => value ?? null): SalesforceUser {
	return {
		id: record.Id,
		firstName: record.FirstName ?? null,
		lastName: record.LastName,
		email: record.Email ?? null,
		username: record.Username,
		isActive: record.IsActive === true,
		userType: same(record.UserType) ?? record.UserType,
		title: same(record.Title),
		department: same(record.Department),
		profileName: same(record.Profile?.Name),
		roleName: same(record.UserRole?.Name),
		federationIdentifier: record.FederationIdentifier ?? null,
		systemModstamp: isoTime(record.SystemModstamp),
	};
}

/** Salesforce's `+0000` offsets, as ISO 8601 that Date.parse and string comparison agree on. */
function isoTime(value: string | null | undefined): string | null {
	if (!value) {
		return null;
	}

	const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(time) ? null : new Date(time).toISOString();
}
