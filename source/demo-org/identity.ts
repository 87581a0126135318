import {salesforceDateTime} from './demo-database.js';
import type {DemoUserRecord} from './demo-user-record.js';

export type IdentityContext = {instanceUrl: string; orgId: string; user: DemoUserRecord; latestVersion: string};

/** The identity URL of a user: `{instance}/id/{orgId}/{userId}`, as the token response's `id` gives it. */
export function identityUrl(instanceUrl: string, orgId: string, userId: string): string {
	return `${instanceUrl}/id/${orgId}/${userId}`;
}

/**
 * Identity URLs list API endpoints with the literal `{version}` unless the request asks for a version
 * (a number, or `latest`).
 */
function serviceUrls(context: IdentityContext, requestedVersion: string | null) {
	const version = requestedVersion === 'latest' ? context.latestVersion : requestedVersion ?? '{version}';
	const base = context.instanceUrl;
	const rest = `${base}/services/data/v${version}`;
	return {
		enterprise: `${base}/services/Soap/c/${version}/${context.orgId}`,
		metadata: `${base}/services/Soap/m/${version}/${context.orgId}`,
		partner: `${base}/services/Soap/u/${version}/${context.orgId}`,
		rest: `${rest}/`,
		sobjects: `${rest}/sobjects/`,
		search: `${rest}/search/`,
		query: `${rest}/query/`,
		recent: `${rest}/recent/`,
		tooling_soap: `${base}/services/Soap/T/${version}/${context.orgId}`,
		tooling_rest: `${rest}/tooling/`,
		profile: `${base}/${context.user.id}`,
		feeds: `${rest}/chatter/feeds`,
		groups: `${rest}/chatter/groups`,
		users: `${rest}/chatter/users`,
		feed_items: `${rest}/chatter/feed-items`,
		feed_elements: `${rest}/chatter/feed-elements`,
		custom_domain: base,
	};
}

function displayName(user: DemoUserRecord): string {
	return [user.firstName, user.lastName].filter(Boolean).join(' ');
}

/** Identity Service user types are upper case with underscores: `STANDARD`, `CSN_ONLY`, `AUTOMATED_PROCESS`. */
function identityUserType(userType: string): string {
	return userType.replaceAll(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function photos(context: IdentityContext) {
	return {
		picture: `${context.instanceUrl}/profilephoto/005/F`,
		thumbnail: `${context.instanceUrl}/profilephoto/005/T`,
	};
}

const pacificOffsetMs = -8 * 60 * 60 * 1000;

/** `GET /id/{orgId}/{userId}`. */
export function identityResponse(context: IdentityContext, requestedVersion: string | null) {
	const {user} = context;
	return {
		id: identityUrl(context.instanceUrl, context.orgId, user.id),
		asserted_user: true,
		user_id: user.id,
		organization_id: context.orgId,
		username: user.username,
		nick_name: user.username.split('@')[0],
		display_name: displayName(user),
		email: user.email,
		email_verified: true,
		first_name: user.firstName,
		last_name: user.lastName,
		timezone: 'America/Los_Angeles',
		photos: photos(context),
		addr_street: null,
		addr_city: null,
		addr_state: null,
		// The demo org is in the US (Organization.Country); Salesforce fills the user's country from their address.
		addr_country: 'US',
		addr_zip: null,
		mobile_phone: null,
		mobile_phone_verified: false,
		is_lightning_login_user: false,
		status: {created_date: null, body: null},
		urls: serviceUrls(context, requestedVersion),
		active: user.isActive,
		user_type: identityUserType(user.userType),
		language: 'en_US',
		locale: 'en_US',
		utcOffset: pacificOffsetMs,
		last_modified_date: salesforceDateTime(user.createdDate),
		is_app_installed: true,
	};
}

/** `GET /services/oauth2/userinfo`: the OpenID Connect claims for the token's user. */
export function userInfoResponse(context: IdentityContext) {
	const {user} = context;
	const pictures = photos(context);
	return {
		sub: identityUrl(context.instanceUrl, context.orgId, user.id),
		user_id: user.id,
		organization_id: context.orgId,
		preferred_username: user.username,
		nickname: user.username.split('@')[0],
		name: displayName(user),
		email: user.email,
		email_verified: true,
		given_name: user.firstName,
		family_name: user.lastName,
		zoneinfo: 'America/Los_Angeles',
		photos: pictures,
		profile: `${context.instanceUrl}/${user.id}`,
		picture: pictures.picture,
		address: {country: 'US'},
		is_salesforce_integration_user: false,
		urls: serviceUrls(context, null),
		active: user.isActive,
		user_type: identityUserType(user.userType),
		language: 'en_US',
		locale: 'en_US',
		utcOffset: pacificOffsetMs,
		updated_at: user.createdDate ? new Date(user.createdDate).toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
		is_app_installed: true,
	};
}
