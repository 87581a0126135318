import {displayName, isListedByDefault, type SalesforceUser} from './salesforce-user.js';

export type UserListView = {
	/** Include inactive and non-Standard users. */
	showAll: boolean;
	/** Case-insensitive text searched in the name and the email. */
	query: string;
};

export function filterUsers(users: readonly SalesforceUser[], view: UserListView): SalesforceUser[] {
	const query = view.query.trim().toLowerCase();
	if (view.showAll && query === '') {
		return users.slice();
	}

	return users.filter(
		(user) =>
			(view.showAll || isListedByDefault(user)) &&
			(query === '' ||
				displayName(user).toLowerCase().includes(query) ||
				(user.email ?? '').toLowerCase().includes(query)),
	);
}
