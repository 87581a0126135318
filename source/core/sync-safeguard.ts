/** The share of linked people one automatic run may deactivate before it is held for an admin (the default). */
export const defaultSafeguardShare = 0.2;

export type SafeguardVerdict = {
	linkedPeople: number;
	wouldDeactivate: number;
	share: number;
	/** The most deactivations allowed without holding the run. */
	limit: number;
	/** More than the share would be deactivated: the run changes nothing and waits for --confirm-held. */
	holds: boolean;
};

/**
 * A mass deactivation is more often a broken Salesforce integration (a profile renamed, a filter gone wrong)
 * than real news; past the share, automatic sync stops and asks a person.
 */
export function safeguardVerdict(wouldDeactivate: number, linkedPeople: number, share: number): SafeguardVerdict {
	const limit = Math.floor(share * linkedPeople);
	return {linkedPeople, wouldDeactivate, share, limit, holds: wouldDeactivate > share * linkedPeople};
}

export function isSafeguardShare(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}
