/** A user of the connected Salesforce org, as the app needs it (already flattened from the API's JSON). */
export type SalesforceUser = {
	/** 18-character Salesforce record id. */
	id: string;
	firstName: string | null;
	lastName: string;
	email: string | null;
	username: string;
	isActive: boolean;
	/** `Standard` for licensed people; `CsnOnly`, `AutomatedProcess`, `Guest`, … for the others. */
	userType: string;
	title: string | null;
	department: string | null;
	profileName: string | null;
	/** UserRole.Name; null when the user has no role. */
	roleName: string | null;
	/** The user's single sign-on id (SAML federation id); null when the org does not use one for them. */
	federationIdentifier: string | null;
	/** When the user's record last changed, ISO 8601 (SystemModstamp); what an incremental sync asks by. */
	systemModstamp: string | null;
};

export const standardUserType = 'Standard';

export function displayName(user: Pick<SalesforceUser, 'firstName' | 'lastName'>): string {
	return [user.firstName, user.lastName].filter(Boolean).join(' ');
}

/** What the Users tab lists unless the admin asks for everyone. */
export function isListedByDefault(user: Pick<SalesforceUser, 'isActive' | 'userType'>): boolean {
	return user.isActive && user.userType === standardUserType;
}
