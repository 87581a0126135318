import type {SalesforceUser} from '../core/salesforce-user.js';

/**
 * A User of the demo org as it is stored: the app's own SalesforceUser shape, so that demo records can seed
 * the SalesScreen store as they are, plus the few fields the demo org serves besides. The extras are
 * optional; a record without them is served with plausible values.
 */
export type DemoUserRecord = Omit<SalesforceUser, 'roleName' | 'federationIdentifier' | 'systemModstamp'> & {
	/** Up to 8 characters, as Salesforce requires. */
	alias?: string;
	/** UserRole.Name; null when the user has no role. */
	roleName?: string | null;
	/** The single sign-on id; null or absent when the user has none. */
	federationIdentifier?: string | null;
	/** ISO 8601. */
	createdDate?: string;
	/** ISO 8601; when absent, the record has not changed since it was created. */
	systemModstamp?: string | null;
	/** ISO 8601; null for users who never logged in. */
	lastLoginDate?: string | null;
	/** The id of the user's manager (another user of the org); null or absent when they have none. */
	managerId?: string | null;
	/** A portal user's contact and account; absent for others, and derived from the id for portal users without them. */
	contactId?: string;
	accountId?: string;
};
