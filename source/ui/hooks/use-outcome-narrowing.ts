import {useMemo, useState} from 'react';
import {isInView, outcomeViews, type OutcomeFacts, type OutcomeView} from '../../core/outcome-views.js';
import type {Command} from '../keys/key-bindings.js';
import {useFilterEntry, type FilterEntry} from './use-filter-entry.js';

export type OutcomeNarrowing<T> = {
	/** The outcomes in the chosen view that match the search, in their order. */
	shown: readonly T[];
	view: OutcomeView;
	filter: FilterEntry;
	/** What the list's key layer adds while it shows outcomes, and handles with `handle`. */
	commands: readonly Command[];
	/** True when it took the command. */
	handle: (command: Command) => boolean;
	/** Changes whenever what is shown does: a list goes back to its top. */
	key: string;
};

/**
 * Narrows a run's outcomes to one kind (created, mapped, skipped for a reason) with `o`, and searches
 * them by name or email with `/`, for the import result and History alike.
 */
export function useOutcomeNarrowing<T>(
	items: readonly T[],
	factsOf: (item: T) => OutcomeFacts,
	searchTextOf: (item: T) => string,
	options: {isActive: boolean; reasonLabel?: (reason: string) => string},
): OutcomeNarrowing<T> {
	const views = useMemo(() => outcomeViews(items, factsOf, options.reasonLabel), [items]); // eslint-disable-line react-hooks/exhaustive-deps
	const [viewIndex, setViewIndex] = useState(0);
	const view = views[Math.min(viewIndex, views.length - 1)]!;
	const filter = useFilterEntry(options.isActive);
	const needle = filter.query.trim().toLowerCase();
	const shown = useMemo(
		() => (view.kind === undefined && needle === '' ? items : items.filter((item) => isInView(factsOf(item), view) && (needle === '' || searchTextOf(item).toLowerCase().includes(needle)))),
		[items, view, needle], // eslint-disable-line react-hooks/exhaustive-deps
	);

	return {
		shown,
		view,
		filter,
		commands: ['view.outcome', 'filter.start', ...(filter.query === '' ? [] : (['nav.back'] as const))],
		handle(command) {
			if (command === 'view.outcome') {
				setViewIndex((index) => (Math.min(index, views.length - 1) + 1) % views.length);
			} else if (command === 'filter.start') {
				filter.start();
			} else if (command === 'nav.back' && filter.query !== '') {
				filter.clear();
			} else {
				return false;
			}

			return true;
		},
		key: `${viewIndex}:${needle}`,
	};
}
