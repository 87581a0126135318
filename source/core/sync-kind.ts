/** What the store remembers between automatic syncs. */
export type SyncMemory = {
	/** The newest SystemModstamp seen by a completed sync; null before the first. */
	highWaterMark: string | null;
	lastFullSyncAt: string | null;
	/** Incremental syncs completed since the last full one. */
	incrementalSinceFull: number;
	/** Org, scope and mapping settings the mark was reached under. */
	fingerprint: string | null;
	/** A manual choice changed since the last sync: users it concerns may not have changed in Salesforce. */
	fullSyncRequested: boolean;
};

export type SyncKind = {kind: 'full'} | {kind: 'incremental'; since: string};

/** Every this many syncs, the whole list is read again, in case an incremental one missed a change. */
export const fullSyncEvery = 24;
/** And at least this often, for a sync run rarely. */
export const fullSyncMaxAgeMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether this sync reads every user or only those changed since the last one. Full when there is no mark,
 * when what the mark was reached under changed (another org, scope or mapping settings), when a manual choice
 * asks for it, every 24th sync, and when the last full one is over 7 days old.
 */
export function chooseSyncKind(memory: SyncMemory, fingerprint: string, now: Date): SyncKind & {reason: string} {
	if (memory.highWaterMark === null) {
		return {kind: 'full', reason: 'first sync'};
	}

	if (memory.fingerprint !== fingerprint) {
		return {kind: 'full', reason: 'the org, the sync scope or the mapping settings changed'};
	}

	if (memory.fullSyncRequested) {
		return {kind: 'full', reason: 'a manual mapping or ignore changed since the last sync'};
	}

	if (memory.incrementalSinceFull + 1 >= fullSyncEvery) {
		return {kind: 'full', reason: `every ${fullSyncEvery}th sync reads every user`};
	}

	if (memory.lastFullSyncAt === null || now.getTime() - Date.parse(memory.lastFullSyncAt) > fullSyncMaxAgeMs) {
		return {kind: 'full', reason: 'the last full sync is more than 7 days old'};
	}

	return {kind: 'incremental', since: memory.highWaterMark, reason: `users changed since ${memory.highWaterMark}`};
}

/** The newest of the mark and the users' SystemModstamps (ISO strings, compared as times). */
export function nextHighWaterMark(current: string | null, modstamps: Iterable<string | null>): string | null {
	let newest = current === null ? Number.NEGATIVE_INFINITY : Date.parse(current);
	for (const stamp of modstamps) {
		if (stamp !== null) {
			const time = Date.parse(stamp);
			if (time > newest) {
				newest = time;
			}
		}
	}

	return Number.isFinite(newest) ? new Date(newest).toISOString() : null;
}
