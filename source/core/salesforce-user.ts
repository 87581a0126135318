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
};

export const standardUserType = 'Standard';

export function displayName(user: Pick<SalesforceUser, 'firstName' | 'lastName'>): string {
	return [user.firstName, user.lastName].filter(Boolean).join(' ');
}

/** What the Users tab lists unless the admin asks for everyone. */
export function isListedByDefault(user: SalesforceUser): boolean {
	return user.isActive && user.userType === standardUserType;
}
