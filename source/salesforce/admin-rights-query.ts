import type {z} from 'zod';
import type {Connection} from 'jsforce';
import {assessAdminRights, unknownAdminRights, type AdminRights, type PermissionGrant} from '../core/admin-rights.js';
import {classifySalesforceError} from './salesforce-error-class.js';
import {describeSalesforceError} from './salesforce-error.js';
import {permissionAssignmentPage, salesforceId, userProfilePage} from './answer-schemas.js';
import {restGet} from './rest-get.js';
import {withRetries, type RetryPolicy} from './with-retries.js';

/**
 * Reads the connected user's permission set assignments, which include the set each profile owns, so one
 * query covers both the profile and the permission sets.
 */
export async function fetchAdminRights(connection: Connection, userId: string, username: string, policy: RetryPolicy = {}): Promise<AdminRights> {
	if (!salesforceId.safeParse(userId).success) {
		return unknownAdminRights(`"${userId}" is not a Salesforce user id`);
	}

	const query = async <T>(soql: string, schema: z.ZodType<T>, asked: string) =>
		withRetries(
			async () => restGet(connection, `/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`, {schema, asked, kind: 'connection-test', signal: policy.signal}),
			policy,
		);
	try {
		const [assignments, users] = await Promise.all([
			query(
				`SELECT PermissionSet.Name, PermissionSet.Label, PermissionSet.IsOwnedByProfile, PermissionSet.PermissionsManageUsers, PermissionSet.PermissionsViewAllUsers FROM PermissionSetAssignment WHERE AssigneeId = '${userId}'`,
				permissionAssignmentPage,
				"the connected user's permission sets",
			),
			query(`SELECT Profile.Name FROM User WHERE Id = '${userId}'`, userProfilePage, "the connected user's profile"),
		]);
		const profileName = users.records[0]?.Profile?.Name;
		const grants: PermissionGrant[] = assignments.records.flatMap(({PermissionSet: set}) =>
			set
				? [
						{
							// A profile-owned set has a generated name (X00e…); the profile's own name is what an admin knows.
							name: set.IsOwnedByProfile ? (profileName ?? set.Name) : set.Label ?? set.Name,
							fromProfile: set.IsOwnedByProfile,
							manageUsers: set.PermissionsManageUsers === true,
							viewAllUsers: set.PermissionsViewAllUsers === true,
						},
					]
				: [],
		);
		return assessAdminRights(username, grants);
	} catch (error: unknown) {
		// Objects or fields hidden from the user mean the rights cannot be read; anything else is the connection's.
		const {code} = classifySalesforceError(error);
		if (['INVALID_TYPE', 'INVALID_FIELD'].includes(code) || code.startsWith('INSUFFICIENT_ACCESS')) {
			return unknownAdminRights(describeSalesforceError(error).message);
		}

		throw error;
	}
}
