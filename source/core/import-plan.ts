import {emailProblem, isPlausibleEmail, normaliseEmail, withoutSandboxSuffix} from './email.js';
import {fillsName, fillsTitle, type PersonFill} from './fill-on-map.js';
import type {ImportContext, KnownPerson} from './import-context.js';
import {displayName, standardUserType, type SalesforceUser} from './salesforce-user.js';
import {toTerminalText} from './terminal-text.js';

export type SkipReason =
	| 'no-email'
	| 'invalid-email'
	| 'inactive'
	| 'not-standard-user'
	| 'person-linked-to-other-user'
	| 'person-chosen-for-other-user'
	| 'person-taken-in-selection'
	| 'duplicate-email-in-selection'
	| 'ignored';

/** How a mapped user found their person: by email, by FederationIdentifier, or by the admin's own choice. */
export type MatchedBy = 'email' | 'federation-id' | 'manual';

/** Set when the email was changed before matching: in a sandbox, without the `.invalid` Salesforce appended. */
export type EmailAdjustment = 'sandbox-suffix-removed';

export type PlanEntry =
	| {action: 'create'; user: SalesforceUser; email: string; emailAdjusted?: EmailAdjustment}
	| {
			action: 'map';
			user: SalesforceUser;
			/** Normalised; empty for a manual mapping of a user without an email. */
			email: string;
			person: KnownPerson;
			matchedBy: MatchedBy;
			/** True when the admin chose this person for the user (manual mapping). */
			manual?: boolean;
			/** Fields of the person the import overwrites from Salesforce (the fillOnMap setting). */
			fill?: PersonFill;
			emailAdjusted?: EmailAdjustment;
	  }
	| {action: 'already-imported'; user: SalesforceUser; personId: number}
	| {action: 'skip'; user: SalesforceUser; reason: SkipReason; detail: string; conflict?: PlanConflict};

/** The other side of a skip that two Salesforce users caused: who else has the person or the email. */
export type PlanConflict = {
	/** The person both would go to; absent when the clash is an email shared in the selection, with no person yet. */
	person?: KnownPerson;
	/** The Salesforce user who has (or takes) them; the name when it is known. */
	otherUser: {id: string; name: string | undefined};
};

/** A Salesforce user's name by id, for naming the other side of a conflict. */
export type SalesforceNameLookup = (salesforceUserId: string) => string | undefined;

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
	/** The mappings by how each found its person. */
	mapBy: Record<MatchedBy, number>;
};

/**
 * What importing this one user would do, ignoring the rest of the selection.
 * The Users tab shows it as a preview; planImport adds the rules that need the whole selection.
 */
export function classifyUser(user: SalesforceUser, context: ImportContext, nameOf?: SalesforceNameLookup): PlanEntry {
	// A linked Salesforce user stays with their person, whatever changed in Salesforce since.
	const linkedPersonId = context.personIdBySalesforceId.get(user.id);
	if (linkedPersonId !== undefined) {
		return {action: 'already-imported', user, personId: linkedPersonId};
	}

	if (context.ignoredSalesforceIds.has(user.id)) {
		return skip(user, 'ignored', 'an admin chose to ignore this user; un-ignore them to import them');
	}

	if (!user.isActive) {
		return skip(user, 'inactive', 'inactive in Salesforce');
	}

	if (user.userType !== standardUserType) {
		return skip(user, 'not-standard-user', `${toTerminalText(user.userType)} user, not a person with a Salesforce licence`);
	}

	const manualPersonId = context.manualPersonIdBySalesforceId.get(user.id);
	const chosen = manualPersonId === undefined ? undefined : context.personById.get(manualPersonId);
	// The admin's choice goes before the email: it is how a user whose email matches nobody (or no email at all) is mapped.
	if (chosen !== undefined) {
		const email = normaliseEmail(user.email);
		return mapTo(user, email === null ? '' : adjustedEmail(email, context).email, chosen, 'manual', context, undefined, nameOf);
	}

	const normalised = normaliseEmail(user.email);
	if (normalised === null) {
		return skip(user, 'no-email', 'no email in Salesforce');
	}

	const problem = emailProblem(user.email!);
	if (problem !== undefined) {
		return skip(user, 'invalid-email', `email "${toTerminalText(user.email)}" ${problem}; correct it in Salesforce`);
	}

	const {email, emailAdjusted} = adjustedEmail(normalised, context);
	if (!isPlausibleEmail(email)) {
		return skip(user, 'invalid-email', `email "${toTerminalText(email)}" is not a valid address`);
	}

	const person = context.personByEmail.get(email);
	if (person !== undefined) {
		return mapTo(user, email, person, 'email', context, emailAdjusted, nameOf);
	}

	const federationId = user.federationIdentifier?.trim();
	if (context.rules.matchFederationId && federationId) {
		const federated = context.personByFederationId.get(federationId);
		if (federated !== undefined) {
			return mapTo(user, email, federated, 'federation-id', context, emailAdjusted, nameOf);
		}
	}

	return emailAdjusted === undefined ? {action: 'create', user, email} : {action: 'create', user, email, emailAdjusted};
}

function adjustedEmail(normalised: string, context: ImportContext): {email: string; emailAdjusted?: EmailAdjustment} {
	if (!context.rules.orgIsSandbox) {
		return {email: normalised};
	}

	const email = withoutSandboxSuffix(normalised);
	return email === normalised ? {email} : {email, emailAdjusted: 'sandbox-suffix-removed'};
}

function mapTo(
	user: SalesforceUser,
	email: string,
	person: KnownPerson,
	matchedBy: MatchedBy,
	context: ImportContext,
	emailAdjusted: EmailAdjustment | undefined,
	nameOf: SalesforceNameLookup | undefined,
): PlanEntry {
	const otherSalesforceId = context.salesforceIdByPersonId.get(person.id);
	if (otherSalesforceId !== undefined && otherSalesforceId !== user.id) {
		const other = context.salesforceNameBySalesforceId.get(otherSalesforceId);
		const how = matchedBy === 'email' ? `(${email})` : matchedBy === 'federation-id' ? '(same FederationIdentifier)' : '(chosen by hand)';
		return conflictSkip(
			user,
			'person-linked-to-other-user',
			`${toTerminalText(person.name)} ${how} is already linked to Salesforce user ${other ? `${toTerminalText(other)} (${otherSalesforceId})` : otherSalesforceId}; ${named(user)} is not merged into them`,
			{person, otherUser: {id: otherSalesforceId, name: other}},
		);
	}

	// An admin's choice reserves the person, whether or not the chosen user is in this import: else an email
	// match would take them first and the choice could never be followed.
	const chosenFor = matchedBy === 'manual' ? undefined : context.manualSalesforceIdByPersonId.get(person.id);
	if (chosenFor !== undefined && chosenFor !== user.id) {
		const other = nameOf?.(chosenFor) ?? context.salesforceNameBySalesforceId.get(chosenFor);
		const otherNamed = other ? `${toTerminalText(other)} (${chosenFor})` : `Salesforce user ${chosenFor}`;
		const how = matchedBy === 'email' ? `the email ${email} matches` : 'the FederationIdentifier matches';
		return conflictSkip(
			user,
			'person-chosen-for-other-user',
			`${how} ${personNamed(person)}, who is chosen by hand for ${otherNamed}; ${named(user)} is not merged into them (m on ${other ? toTerminalText(other) : 'that user'} changes the choice)`,
			{person, otherUser: {id: chosenFor, name: other}},
		);
	}

	const entry: PlanEntry = {action: 'map', user, email, person, matchedBy};
	if (matchedBy === 'manual') {
		entry.manual = true;
	}

	const fill = fillFor(user, context);
	if (fill !== undefined) {
		entry.fill = fill;
	}

	if (emailAdjusted !== undefined) {
		entry.emailAdjusted = emailAdjusted;
	}

	return entry;
}

function fillFor(user: SalesforceUser, context: ImportContext): PersonFill | undefined {
	const fillOnMap = context.rules.fillOnMap;
	if (fillOnMap === 'none') {
		return undefined;
	}

	const fill: PersonFill = {};
	const name = toTerminalText(displayName(user));
	if (fillsName(fillOnMap) && name !== '') {
		fill.name = name;
	}

	if (fillsTitle(fillOnMap)) {
		fill.title = user.title === null ? null : toTerminalText(user.title);
	}

	return fill;
}

function named(user: SalesforceUser): string {
	return `${toTerminalText(displayName(user))} (${user.id})`;
}

/** A person with their own email, as the admin knows them in SalesScreen. */
export function personNamed(person: KnownPerson): string {
	return `${toTerminalText(person.name)} <${toTerminalText(person.displayEmail)}>`;
}

function conflictSkip(user: SalesforceUser, reason: SkipReason, detail: string, conflict: PlanConflict): PlanEntry {
	return {action: 'skip', user, reason, detail, conflict};
}

/**
 * Decides, for each selected user in order, whether import creates a person, maps to an existing one (by the
 * admin's choice, by email, or by FederationIdentifier), leaves an earlier import alone, or skips the user
 * with a reason. Pure: the same input gives the same plan.
 */
export function planImport(users: Iterable<SalesforceUser>, context: ImportContext): ImportPlan {
	const selection = Array.isArray(users) ? (users as readonly SalesforceUser[]) : [...users];
	// Names of the selection, indexed only when a conflict needs to name a user it has no entry for yet.
	let names: Map<string, string> | undefined;
	const nameOf: SalesforceNameLookup = (id) => {
		names ??= new Map(selection.map((user) => [user.id, displayName(user)]));
		return names.get(id);
	};

	const entries: PlanEntry[] = [];
	// The first selected user with an email claims it; a second one would merge two Salesforce users into one person.
	const emailClaimedBy = new Map<string, SalesforceUser>();
	// A person takes one Salesforce user, however each of them found the person.
	const personClaimedBy = new Map<number, SalesforceUser>();

	for (const user of selection) {
		let entry = classifyUser(user, context, nameOf);
		if (entry.action === 'create' || entry.action === 'map') {
			const byEmail = entry.action === 'map' && entry.matchedBy === 'manual' ? undefined : emailClaimedBy.get(entry.email);
			const byPerson = entry.action === 'map' ? personClaimedBy.get(entry.person.id) : undefined;
			if (byEmail !== undefined) {
				entry = conflictSkip(
					user,
					'duplicate-email-in-selection',
					`${named(user)} shares ${entry.email} with ${named(byEmail)}, who this import takes: one email, one person`,
					{...(entry.action === 'map' ? {person: entry.person} : {}), otherUser: {id: byEmail.id, name: displayName(byEmail)}},
				);
			} else if (byPerson !== undefined && entry.action === 'map') {
				entry = conflictSkip(
					user,
					'person-taken-in-selection',
					`${personNamed(entry.person)} goes to ${named(byPerson)} earlier in this import; ${named(user)} is not merged into them`,
					{person: entry.person, otherUser: {id: byPerson.id, name: displayName(byPerson)}},
				);
			} else {
				if (!(entry.action === 'map' && entry.matchedBy === 'manual') && entry.email !== '') {
					emailClaimedBy.set(entry.email, user);
				}

				if (entry.action === 'map') {
					personClaimedBy.set(entry.person.id, user);
				}
			}
		}

		entries.push(entry);
	}

	return {entries, counts: countEntries(entries)};
}

export function countEntries(entries: readonly PlanEntry[]): PlanCounts {
	const counts: PlanCounts = {create: 0, map: 0, alreadyImported: 0, skip: 0, skipByReason: {}, mapBy: {email: 0, 'federation-id': 0, manual: 0}};
	for (const entry of entries) {
		switch (entry.action) {
			case 'create': {
				counts.create++;
				break;
			}

			case 'map': {
				counts.map++;
				counts.mapBy[entry.matchedBy]++;
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

/** Each skip reason in words an admin understands without knowing the code. */
export const skipReasonLabels: Record<SkipReason, string> = {
	'no-email': 'no email address in Salesforce',
	'invalid-email': 'the email in Salesforce is not a valid address',
	inactive: 'inactive in Salesforce',
	'not-standard-user': 'not a licensed Standard user (Chatter-only, automated, guest or portal)',
	'person-linked-to-other-user': 'the SalesScreen person is already linked to another Salesforce user',
	'person-chosen-for-other-user': 'the SalesScreen person is chosen by hand for another Salesforce user',
	'person-taken-in-selection': 'another selected user maps to the same SalesScreen person',
	'duplicate-email-in-selection': 'another selected user has the same email',
	ignored: 'ignored by an admin',
};

/** Skips that another Salesforce user caused: the plan lists them with both names, beside the mappings. */
export const conflictReasons: ReadonlySet<SkipReason> = new Set<SkipReason>([
	'person-linked-to-other-user',
	'person-chosen-for-other-user',
	'person-taken-in-selection',
	'duplicate-email-in-selection',
]);

/** How a mapping found its person, in words; "by hand" is the one word for a manual mapping everywhere. */
export const matchedByWords: Record<MatchedBy, string> = {email: 'by email', 'federation-id': 'by FederationIdentifier', manual: 'by hand'};

/** The same, short enough for a table column. */
export const skipReasonShortLabels: Record<SkipReason, string> = {
	'no-email': 'no email',
	'invalid-email': 'bad email',
	inactive: 'inactive',
	'not-standard-user': 'not Standard',
	'person-linked-to-other-user': 'linked elsewhere',
	'person-chosen-for-other-user': 'chosen for another',
	'person-taken-in-selection': 'person taken',
	'duplicate-email-in-selection': 'duplicate email',
	ignored: 'ignored',
};

function skip(user: SalesforceUser, reason: SkipReason, detail: string): PlanEntry {
	return {action: 'skip', user, reason, detail};
}
