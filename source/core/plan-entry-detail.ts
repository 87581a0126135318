import {personNamed, type PlanEntry} from './import-plan.js';
import type {StatusChange} from './status-changes.js';
import {toTerminalText} from './terminal-text.js';

const matchedWords = {email: 'email matches', 'federation-id': 'FederationIdentifier matches', manual: 'mapped by hand to'} as const;

/**
 * One line on why an entry does what it does, for reports and the audit trail: the skip reason's detail,
 * how a mapping found its person, and whether the sandbox suffix was removed or fields were filled.
 */
export function describeEntry(entry: PlanEntry): string | null {
	switch (entry.action) {
		case 'skip': {
			return entry.detail;
		}

		case 'already-imported': {
			return null;
		}

		case 'create': {
			return entry.emailAdjusted === undefined ? null : sandboxNote;
		}

		case 'map': {
			const parts = [`${matchedWords[entry.matchedBy]} ${personNamed(entry.person)}`];
			if (entry.emailAdjusted !== undefined) {
				parts.push(sandboxNote);
			}

			if (entry.fill !== undefined) {
				const fields = Object.keys(entry.fill);
				if (fields.length > 0) {
					parts.push(`${fields.join(' and ')} filled from Salesforce`);
				}
			}

			return parts.join('; ');
		}
	}
}

const sandboxNote = 'sandbox: ".invalid" removed from the email before matching';

export function describeStatusChange(change: StatusChange): string {
	return change.action === 'deactivate'
		? `inactive in Salesforce: ${toTerminalText(change.personName)} made inactive`
		: `active again in Salesforce: ${toTerminalText(change.personName)} made active again`;
}

/**
 * A conflict in a short line from the plan's facts, naming both sides: for the plan's list, where the
 * skip's whole detail would not fit. Null for a skip no other user caused.
 */
export function describeConflict(entry: PlanEntry): string | null {
	if (entry.action !== 'skip' || entry.conflict === undefined) {
		return null;
	}

	const {person, otherUser} = entry.conflict;
	// The name alone where it is known: the skip's detail and the JSON keep the ids.
	const other = otherUser.name === undefined ? `Salesforce user ${otherUser.id}` : toTerminalText(otherUser.name);
	const target = person === undefined ? '' : personNamed(person);
	switch (entry.reason) {
		case 'person-linked-to-other-user': {
			return `${target} is already linked to ${other}`;
		}

		case 'person-chosen-for-other-user': {
			return `${target} is chosen by hand for ${other}`;
		}

		case 'person-taken-in-selection': {
			return `${target} goes to ${other}, earlier in this import`;
		}

		default: {
			return `same email as ${other}, whom this import takes`;
		}
	}
}
