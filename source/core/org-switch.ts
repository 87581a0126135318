import {UserFacingError} from './user-facing-error.js';

/** An org as the store remembers it and as a run meets it. */
export type OrgIdentity = {orgId: string; isDemo: boolean; instanceUrl: string};

export type RememberedOrg = OrgIdentity & {since: string};

/** The run would bring another org's users into a store that holds people from a different one. */
export class OrgSwitchError extends UserFacingError {
	override name = 'OrgSwitchError';
}

function orgWords(org: OrgIdentity): string {
	return org.isDemo ? `the built-in demo org (${org.orgId})` : `the org ${org.orgId} at ${org.instanceUrl}`;
}

/**
 * Whether a run may write users of `current` into a store, and whether the store should remember `current`
 * from now on. A store keeps the org it first imported from; a different org, demo or real, only when the
 * admin says so (`switchOrg`). A store from before this memory that already links people never takes the
 * demo org's users unasked: those people may be a real org's.
 */
export function judgeOrgSwitch(
	remembered: RememberedOrg | undefined,
	current: OrgIdentity,
	store: {linkedPeople: number},
	switchOrg: boolean,
): {allowed: true; remember: boolean} | {allowed: false; reason: string} {
	if (current.orgId === '') {
		return {allowed: false, reason: 'The org did not say which org it is (its Organization record is missing), so nothing was imported.'};
	}

	if (remembered?.orgId === current.orgId) {
		return {allowed: true, remember: false};
	}

	if (switchOrg) {
		return {allowed: true, remember: true};
	}

	if (remembered !== undefined) {
		return {
			allowed: false,
			reason: `This store holds people imported from ${orgWords(remembered)} since ${remembered.since.slice(0, 10)}; the org in use now is ${orgWords(current)}. Nothing was imported, so that the two orgs' people do not mix.`,
		};
	}

	if (current.isDemo && store.linkedPeople > 0) {
		return {
			allowed: false,
			reason: `This store holds ${store.linkedPeople.toLocaleString('en-US')} people linked to a Salesforce org; the org in use now is ${orgWords(current)}. Nothing was imported, so that demo users do not mix with real people.`,
		};
	}

	return {allowed: true, remember: true};
}
