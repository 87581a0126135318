import {formatCount} from './number-format.js';

/** What narrowing needs to know of one outcome: its kind ("created", "skipped", …) and, when skipped, why. */
export type OutcomeFacts = {kind: string; reason: string | null};

/** One way to narrow a list of outcomes: all of them, one kind, or one kind for one reason. */
export type OutcomeView = {kind?: string; reason?: string; label: string; count: number};

const kindOrder = ['created', 'mapped', 'already imported', 'skipped'];

/**
 * The views a list of outcomes offers, each with how many it shows: all, then each kind present (the
 * usual ones first), and for each kind given for several reasons, each reason. 466 users skipped as
 * "not Standard" among 87,672 are then one view away.
 */
export function outcomeViews<T>(items: readonly T[], factsOf: (item: T) => OutcomeFacts, reasonLabel: (reason: string) => string = (reason) => reason): OutcomeView[] {
	const kinds = new Map<string, {count: number; reasons: Map<string, number>}>();
	for (const item of items) {
		const {kind, reason} = factsOf(item);
		let entry = kinds.get(kind);
		if (!entry) {
			entry = {count: 0, reasons: new Map()};
			kinds.set(kind, entry);
		}

		entry.count++;
		if (reason) {
			entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1);
		}
	}

	const rank = (kind: string) => (kindOrder.includes(kind) ? kindOrder.indexOf(kind) : kindOrder.length);
	const views: OutcomeView[] = [{label: 'all', count: items.length}];
	for (const [kind, entry] of [...kinds].sort(([a], [b]) => rank(a) - rank(b))) {
		views.push({kind, label: kind, count: entry.count});
		if (entry.reasons.size > 1 || (entry.reasons.size === 1 && [...entry.reasons.values()][0]! < entry.count)) {
			for (const [reason, count] of [...entry.reasons].sort(([, a], [, b]) => b - a)) {
				views.push({kind, reason, label: `${kind}: ${reasonLabel(reason)}`, count});
			}
		}
	}

	return views;
}

export function isInView(facts: OutcomeFacts, view: OutcomeView): boolean {
	return (view.kind === undefined || facts.kind === view.kind) && (view.reason === undefined || facts.reason === view.reason);
}

/** "skipped: not Standard · 466 of 87,672". */
export function describeView(view: OutcomeView, shown: number, total: number): string {
	return `${view.label} · ${formatCount(shown)} of ${formatCount(total)}`;
}
