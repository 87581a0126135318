import type {PlanEntry} from '../../core/import-plan.js';
import {skipReasonShortLabels} from '../../core/import-plan.js';

export type StatusLook = {text: string; color: string};

/** How the Users tab previews what Import users would do to one user. */
export function importStatusLook(entry: PlanEntry): StatusLook {
	switch (entry.action) {
		case 'create': {
			return {text: 'new', color: 'green'};
		}

		case 'map': {
			const how = {email: 'email', 'federation-id': 'fed. id', manual: 'chosen'}[entry.matchedBy];
			return {text: `maps to existing (${how})`, color: 'cyan'};
		}

		case 'already-imported': {
			return {text: 'already imported', color: 'gray'};
		}

		case 'skip': {
			return {text: `cannot import (${skipReasonShortLabels[entry.reason]})`, color: 'yellow'};
		}
	}
}
