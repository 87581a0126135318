import type {SalesforceUser} from '../../source/core/salesforce-user.js';

let next = 0;

/** A Salesforce user for tests; every call gets a fresh 18-character id unless one is given. */
export function salesforceUser(overrides: Partial<SalesforceUser> = {}): SalesforceUser {
	next++;
	const id = overrides.id ?? `005${String(next).padStart(15, '0')}`;
	return {
		id,
		firstName: 'Test',
		lastName: `User ${next}`,
		email: `test.user.${next}@example.com`,
		username: `test.user.${next}@example.com.org`,
		isActive: true,
		userType: 'Standard',
		title: 'Account Executive',
		department: 'Sales',
		profileName: 'Standard User',
		roleName: null,
		federationIdentifier: null,
		systemModstamp: '2025-01-01T00:00:00.000Z',
		...overrides,
	};
}
