import {isPlausibleEmail, normaliseEmail} from './email.js';
import type {ImportContext, KnownPerson} from './import-context.js';
import {displayName, standardUserType, type SalesforceUser} from './salesforce-user.js';
import {toTerminalText} from './terminal-text.js';

export type SkipReason =
	| 'no-email'
	| 'invalid-email'
	| 'inactive'
	| 'not-standard-user'
	| 'person-linked-to-other-user'
	| 'duplicate-email-in-selection';

export type PlanEntry =
	| {action: 'create'; user: SalesforceUser; email: string}
	| {action: 'map'; user: SalesforceUser; email: string; person: KnownPerson}
	| {action: 'already-imported'; user: SalesforceUser; personId: number}
	| {action: 'skip'; user: SalesforceUser; reason: SkipReason; detail: string};

export type ImportPlan = {
	entries: PlanEntry[];
	counts: PlanCounts;
};

export type PlanCounts = {
	create: number;
	map: number;
	alreadyImported: number;
	skip: number;
	skipByReason: Partial<Record<SkipReason, number>>;
};

/**
 * What importing this one user would do, ignoring the rest of the selection.
 * The Users tab shows it as a preview; planImport adds the rules that need the whole selection.
 */
export function classifyUser(user: SalesforceUser, context: ImportContext): PlanEntry {
	const linkedPersonId = context.personIdBySalesforceId.get(user.id);
	if (linkedPersonId !== undefined) {
		return {action: 'already-imported', user, personId: linkedPersonId};
	}

	if (!user.isActive) {
		return skip(user, 'inactive', 'inactive in Salesforce');
	}

	if (user.userType !== standardUserType) {
		return skip(user, 'not-standard-user', `${toTerminalText(user.userType)} user, not a person with a Salesforce licence`);
	}

	const email = normaliseEmail(user.email);
	if (email === null) {
		return skip(user, 'no-email', 'no email in Salesforce');
	}

	if (!isPlausibleEmail(email)) {
		return skip(user, 'invalid-email', `email "${toTerminalText(email)}" is not a valid address`);
	}

	const person = context.personByEmail.get(email);
	if (person === undefined) {
		return {action: 'create', user, email};
	}

	const otherSalesforceId = context.salesforceIdByPersonId.get(person.id);
	if (otherSalesforceId !== undefined) {
		return skip(
			user,
			'person-linked-to-other-user',
			`${toTerminalText(person.name)} (${email}) is already linked to Salesforce user ${otherSalesforceId}`,
		);
	}

	return {action: 'map', user, email, person};
}

/**
 * Decides, for each selected user in order, whether import creates a person, maps to an existing one by email,
 * leaves an earlier import alone, or skips the user with a reason. Pure: the same input gives the same plan.
 */
export function planImport(users: Iterable<SalesforceUser>, context: ImportContext): ImportPlan {
	const entries: PlanEntry[] = [];
	// The first selected user with an email claims it; a second one would merge two Salesforce users into one person.
	const claimedBy = new Map<string, SalesforceUser>();

	for (const user of users) {
		let entry = classifyUser(user, context);
		if (entry.action === 'create' || entry.action === 'map') {
			const claimant = claimedBy.get(entry.email);
			if (claimant === undefined) {
				claimedBy.set(entry.email, user);
			} else {
				entry = skip(
					user,
					'duplicate-email-in-selection',
					`shares ${entry.email} with ${toTerminalText(displayName(claimant))} (${claimant.id}), who this import takes`,
				);
			}
		}

		entries.push(entry);
	}

	return {entries, counts: countEntries(entries)};
}

export function countEntries(entries: readonly PlanEntry[]): PlanCounts {
	const counts: PlanCounts = {create: 0, map: 0, alreadyImported: 0, skip: 0, skipByReason: {}};
	for (const entry of entries) {
		switch (entry.action) {
			case 'create': {
				counts.create++;
				break;
			}

			case 'map': {
				counts.map++;
				break;
			}

			case 'already-imported': {
				counts.alreadyImported++;
				break;
			}

			case 'skip': {
				counts.skip++;
				counts.skipByReason[entry.reason] = (counts.skipByReason[entry.reason] ?? 0) + 1;
				break;
			}
		}
	}

	return counts;
}

export const skipReasonLabels: Record<SkipReason, string> = {
	'no-email': 'no email',
	'invalid-email': 'invalid email',
	inactive: 'inactive',
	'not-standard-user': 'not a Standard user',
	'person-linked-to-other-user': 'person linked to another Salesforce user',
	'duplicate-email-in-selection': 'email shared with another selected user',
};

/** The same, short enough for a table column. */
export const skipReasonShortLabels: Record<SkipReason, string> = {
	'no-email': 'no email',
	'invalid-email': 'bad email',
	inactive: 'inactive',
	'not-standard-user': 'not Standard',
	'person-linked-to-other-user': 'linked elsewhere',
	'duplicate-email-in-selection': 'duplicate email',
};

function skip(user: SalesforceUser, reason: SkipReason, detail: string): PlanEntry {
	return {action: 'skip', user, reason, detail};
}
