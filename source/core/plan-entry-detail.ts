import type {PlanEntry} from './import-plan.js';
import type {StatusChange} from './status-changes.js';
import {toTerminalText} from './terminal-text.js';

const matchedWords = {email: 'email matches', 'federation-id': 'FederationIdentifier matches', manual: 'chosen by an admin for'} as const;

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
			const parts = [`${matchedWords[entry.matchedBy]} ${toTerminalText(entry.person.name)}`];
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
