import type {DemoUserRecord} from './demo-user-record.js';

/** The two user-administration permissions the app checks before it lets someone import users. */
export type UserRights = {manageUsers: boolean; viewAllUsers: boolean};

export type ProfileRecord = {id: string; name: string} & UserRights;

export type PermissionSetRecord = UserRights & {
	id: string;
	/** The API name: `X00e…` for a profile's own permission set, as Salesforce names them. */
	name: string;
	label: string;
	isOwnedByProfile: boolean;
	profile: ProfileRecord | null;
};

export type PermissionSetAssignmentRecord = {
	/** Position in the org's assignments; the id is minted from it when read, to keep 100,000 rows small. */
	index: number;
	assignee: DemoUserRecord;
	permissionSet: PermissionSetRecord;
};

/** Of the standard profiles, only System Administrator has Manage Users and View All Users. */
export function profileRights(profileName: string): UserRights {
	const administrator = profileName === 'System Administrator';
	return {manageUsers: administrator, viewAllUsers: administrator};
}

/** Users who could be given a permission set of user rights: active Standard users whose profile has none. */
function ordinaryUsers(users: readonly DemoUserRecord[]): DemoUserRecord[] {
	const candidates = users.filter(
		(user) => user.isActive && user.userType === 'Standard' && user.profileName && !profileRights(user.profileName).manageUsers,
	);
	// People before system users (Integration User and the like have no first name).
	return [...candidates.filter((user) => user.firstName !== null), ...candidates.filter((user) => user.firstName === null)];
}

/**
 * An active Standard user with no user rights at all, to connect as when testing that the app refuses
 * to import for someone who may not; undefined when the org has no such user.
 */
export function unprivilegedUser(users: readonly DemoUserRecord[]): DemoUserRecord | undefined {
	return ordinaryUsers(users)[0];
}

/**
 * The few users who get the User Management permission set: user rights without an administrator profile,
 * as help-desk staff often have. Spread through the org, and never the unprivileged user.
 */
export function userManagementAssignees(users: readonly DemoUserRecord[]): ReadonlySet<string> {
	const candidates = ordinaryUsers(users).slice(1);
	const step = Math.max(1, Math.floor(candidates.length / 3));
	const chosen = new Set<string>();
	for (let index = 0; index < candidates.length && chosen.size < 3; index += step) {
		chosen.add(candidates[index]!.id);
	}

	return chosen;
}

/**
 * Permission sets as a real org has them: one owned by each profile (holding the profile's permissions,
 * assigned to each of its users), and a User Management set assigned to a few people on top of their profile.
 */
export function buildPermissionSets(
	profiles: readonly ProfileRecord[],
	users: readonly DemoUserRecord[],
	mintPermissionSetId: (index: number) => string,
): {permissionSets: PermissionSetRecord[]; assignments: PermissionSetAssignmentRecord[]} {
	const permissionSets: PermissionSetRecord[] = profiles.map((profile, index) => {
		const id = mintPermissionSetId(index);
		return {
			id,
			name: `X${profile.id}`,
			label: profile.id,
			isOwnedByProfile: true,
			profile,
			manageUsers: profile.manageUsers,
			viewAllUsers: profile.viewAllUsers,
		};
	});
	const userManagement: PermissionSetRecord = {
		id: mintPermissionSetId(profiles.length),
		name: 'User_Management',
		label: 'User Management',
		isOwnedByProfile: false,
		profile: null,
		manageUsers: true,
		// Salesforce turns View All Users on with Manage Users, which depends on it.
		viewAllUsers: true,
	};
	permissionSets.push(userManagement);

	const ownedByProfile = new Map(permissionSets.filter((set) => set.profile).map((set) => [set.profile!.name, set]));
	const managers = userManagementAssignees(users);
	const assignments: PermissionSetAssignmentRecord[] = [];
	for (const user of users) {
		const owned = user.profileName ? ownedByProfile.get(user.profileName) : undefined;
		if (owned) {
			assignments.push({index: assignments.length, assignee: user, permissionSet: owned});
		}

		if (managers.has(user.id)) {
			assignments.push({index: assignments.length, assignee: user, permissionSet: userManagement});
		}
	}

	return {permissionSets, assignments};
}
