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

/**
 * filterUsers for a list that grows in place while it arrives: each call filters only the users that
 * arrived since the last one, and returns the same array when none did, so a batch of 2,000 costs 2,000
 * checks rather than the whole org's. Another list or another view filters from the start.
 */
export function growingFilter(): (users: readonly SalesforceUser[], view: UserListView) => SalesforceUser[] {
	let source: readonly SalesforceUser[] | undefined;
	let seen = 0;
	let viewKey = '';
	let result: SalesforceUser[] = [];
	return (users, view) => {
		const key = `${view.showAll}\u0000${view.query}`;
		if (users !== source || key !== viewKey || users.length < seen) {
			source = users;
			viewKey = key;
			seen = users.length;
			result = filterUsers(users, view);
			return result;
		}

		if (users.length > seen) {
			const arrived = filterUsers(users.slice(seen), view);
			seen = users.length;
			if (arrived.length > 0) {
				result = result.concat(arrived);
			}
		}

		return result;
	};
}
