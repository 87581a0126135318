import {matchedByWords, personNamed, skipReasonShortLabels, type PlanEntry} from '../../core/import-plan.js';
import {describeConflict} from '../../core/plan-entry-detail.js';
import {displayName} from '../../core/salesforce-user.js';
import {toTerminalText} from '../../core/terminal-text.js';

export type StatusLook = {text: string; color: string};

const shortMatchedBy = {email: 'email', 'federation-id': 'fed. id', manual: 'by hand'} as const;

/** How the Users tab previews what Import users would do to one user, in a table cell. */
export function importStatusLook(entry: PlanEntry): StatusLook {
	switch (entry.action) {
		case 'create': {
			return {text: 'new', color: 'green'};
		}

		case 'map': {
			return {text: `→ ${toTerminalText(entry.person.name)} (${shortMatchedBy[entry.matchedBy]})`, color: 'cyan'};
		}

		case 'already-imported': {
			return {text: 'already imported', color: 'gray'};
		}

		case 'skip': {
			return {text: `cannot import (${skipReasonShortLabels[entry.reason]})`, color: 'yellow'};
		}
	}
}

/** The same in a sentence, for the highlighted user: who they map to, with that person's own email, or why not. */
export function importStatusSentence(entry: PlanEntry): StatusLook {
	const name = toTerminalText(displayName(entry.user)) || entry.user.id;
	switch (entry.action) {
		case 'create': {
			return {text: `${name}: a new SalesScreen person <${toTerminalText(entry.email)}>`, color: 'green'};
		}

		case 'map': {
			return {text: `${name} → ${personNamed(entry.person)}, ${matchedByWords[entry.matchedBy]}`, color: 'cyan'};
		}

		case 'already-imported': {
			return {text: `${name}: already imported, left as they are`, color: 'gray'};
		}

		case 'skip': {
			// The highlighted row shows whose this is and that it cannot be imported; the line has room only for why.
			const conflict = describeConflict(entry);
			return {text: conflict === null ? `Cannot import: ${entry.detail}` : `Not imported: ${conflict}`, color: 'yellow'};
		}
	}
}
