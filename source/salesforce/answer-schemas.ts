import {z} from 'zod';

/**
 * The shapes of the answers the app relies on, checked where they enter: an answer of another shape (a
 * proxy's JSON, a different service, a broken org) is refused in words instead of spreading as `undefined`.
 */

const text = z.string();
const optionalText = z.string().nullish();
/** 15 or 18 letters and digits, as every Salesforce record id. */
export const salesforceId = z.string().regex(/^[a-zA-Z\d]{15}(?:[a-zA-Z\d]{3})?$/, 'expected a Salesforce id (15 or 18 letters and digits)');

/** One page of a SOQL query, for records of the given shape. */
export function queryPage<Record extends z.ZodType>(record: Record) {
	return z.object({
		totalSize: z.number().int().nonnegative(),
		done: z.boolean(),
		nextRecordsUrl: z.string().startsWith('/', 'expected a path on the same org').optional(),
		records: z.array(record),
	});
}

export const userRecord = z.object({
	Id: salesforceId,
	FirstName: optionalText,
	LastName: text,
	Email: optionalText,
	Username: text,
	IsActive: z.boolean(),
	UserType: text,
	Title: optionalText,
	Department: optionalText,
	Profile: z.object({Name: optionalText}).nullish(),
	UserRole: z.object({Name: optionalText}).nullish(),
	FederationIdentifier: optionalText,
	/** `2024-05-01T12:34:56.000+0000`. */
	SystemModstamp: optionalText,
});

export type UserRecord = z.infer<typeof userRecord>;

export const userPage = queryPage(userRecord);

/** The REST API's version resource: where the identity of the session's user is asked. */
export const versionResources = z.object({identity: z.url()});

export const identity = z.object({user_id: salesforceId, organization_id: salesforceId, username: text.min(1), display_name: text});

export const organizationPage = queryPage(z.object({Id: salesforceId, Name: text, IsSandbox: z.boolean()}));

export const organizationFactsPage = queryPage(z.object({Id: salesforceId, IsSandbox: z.boolean()})).refine((page) => page.records.length > 0, {
	message: 'expected the one Organization record, got none',
	path: ['records'],
});

export const permissionAssignmentPage = queryPage(
	z.object({
		PermissionSet: z
			.object({
				Name: text,
				Label: optionalText,
				IsOwnedByProfile: z.boolean(),
				PermissionsManageUsers: z.boolean(),
				PermissionsViewAllUsers: z.boolean(),
			})
			.nullable(),
	}),
);

export const userProfilePage = queryPage(z.object({Profile: z.object({Name: text}).nullable()}));

/** What Salesforce's token endpoint answers on success, whatever the grant. */
export const tokenResponse = z.object({
	access_token: text.min(1),
	instance_url: z.url(),
	/** The identity URL of the user the session belongs to: …/id/<org id>/<user id>. */
	id: z.url(),
	issued_at: text.optional(),
	token_type: text.optional(),
	signature: text.optional(),
	scope: text.optional(),
	/** Present for the device flow, and on a refresh when the connected app rotates refresh tokens. */
	refresh_token: text.optional(),
});

export const deviceCodeResponse = z.object({
	device_code: text.min(1),
	user_code: text.min(1),
	verification_uri: z.url(),
	interval: z.number().nonnegative().optional(),
	expires_in: z.number().positive().optional(),
});

/** An OAuth error: `{"error": "invalid_grant", "error_description": "…"}`. */
export const oauthError = z.object({error: z.string().regex(/^[a-z_]+$/), error_description: z.string().optional()});

/** A REST error: `[{"errorCode": "INVALID_SESSION_ID", "message": "…"}]`. */
export const apiErrors = z.array(z.object({errorCode: z.string().regex(/^[A-Za-z\d_]+$/), message: z.string().optional()})).min(1);

/** A Bulk API 2.0 query job, as its creation and each look at it answer (only what the app reads). */
export const bulkQueryJob = z.object({
	id: salesforceId,
	state: z.enum(['Open', 'UploadComplete', 'InProgress', 'JobComplete', 'Aborted', 'Failed']),
	numberRecordsProcessed: z.number().int().nonnegative().optional(),
	errorMessage: z.string().nullish(),
});
