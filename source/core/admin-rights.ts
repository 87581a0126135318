/** One permission set assigned to the connected Salesforce user; a profile's own permissions come as one too. */
export type PermissionGrant = {
	/** The permission set's name, or the profile's name for a profile-owned set. */
	name: string;
	fromProfile: boolean;
	manageUsers: boolean;
	viewAllUsers: boolean;
};

export type AdminRights = {
	/** Whether the connected user may read every user of the org, which importing them needs. */
	authorized: boolean;
	manageUsers: boolean;
	viewAllUsers: boolean;
	/** The profile and permission sets that grant the rights, e.g. `profile System Administrator`. */
	grantedBy: string[];
	/** Why not, in one sentence with what to do; undefined when authorized. */
	reason?: string;
};

/**
 * "Manage Users" or "View All Users" lets a Salesforce user list every user of the org, which is what the
 * import reads; either may come from the profile or from any assigned permission set.
 */
export function assessAdminRights(username: string, grants: readonly PermissionGrant[]): AdminRights {
	const granting = grants.filter((grant) => grant.manageUsers || grant.viewAllUsers);
	const manageUsers = grants.some((grant) => grant.manageUsers);
	const viewAllUsers = grants.some((grant) => grant.viewAllUsers);
	const authorized = manageUsers || viewAllUsers;
	return {
		authorized,
		manageUsers,
		viewAllUsers,
		grantedBy: granting.map((grant) => (grant.fromProfile ? `profile ${grant.name}` : `permission set ${grant.name}`)),
		...(authorized
			? {}
			: {
					reason: `The connected Salesforce user ${username} has neither "Manage Users" nor "View All Users"; give them a permission set with one of them, or reconnect as a Salesforce admin.`,
				}),
	};
}

/** When the rights could not be read at all, say so rather than guess either way. */
export function unknownAdminRights(detail: string): AdminRights {
	return {
		authorized: false,
		manageUsers: false,
		viewAllUsers: false,
		grantedBy: [],
		reason: `The connected user's Salesforce permissions could not be read (${detail}); an admin with "Manage Users" must connect.`,
	};
}
