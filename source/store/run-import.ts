import {eq} from 'drizzle-orm';
import {planImport, type ImportPlan, type PlanEntry} from '../core/import-plan.js';
import {displayName, type SalesforceUser} from '../core/salesforce-user.js';
import {toTerminalText} from '../core/terminal-text.js';
import type {Store} from './database.js';
import {loadImportContext} from './import-context-query.js';
import {importOutcomes, importRuns, people, salesforceLinks} from './schema.js';

export type ImportMode = 'manual' | 'auto';

export type ImportRunResult = {runId: number; plan: ImportPlan};

export type RunImportOptions = {
	/** The operating-system login running the import, recorded with the run. */
	operator: string;
	mode: ImportMode;
	onProgress?: (progress: {done: number; total: number}) => void;
	/** Plan entries written between two looks at the event loop. */
	chunkSize?: number;
};

/** The import did not happen; nothing of it was written. */
export class ImportFailedError extends Error {
	override name = 'ImportFailedError';
}

const outcomeOf: Record<PlanEntry['action'], 'created' | 'mapped' | 'already-imported' | 'skipped'> = {
	create: 'created',
	map: 'mapped',
	'already-imported': 'already-imported',
	skip: 'skipped',
};

/**
 * Imports the given Salesforce users in one transaction. It is planned inside the transaction, against
 * the store as it is once the write lock is held, so two importers never both create the same person.
 * The transaction stays open across chunks so a screen can show progress; a failure anywhere rolls all
 * of it back and records a failed run.
 */
export async function runImport(store: Store, users: readonly SalesforceUser[], options: RunImportOptions): Promise<ImportRunResult> {
	const chunkSize = Math.max(1, options.chunkSize ?? 1000);
	const startedAt = new Date().toISOString();
	store.sqlite.exec('BEGIN IMMEDIATE');
	try {
		const plan = planImport(users, loadImportContext(store));
		const [run] = store.db
			.insert(importRuns)
			.values({operator: options.operator, mode: options.mode, status: 'completed', startedAt, selectedCount: users.length})
			.returning({id: importRuns.id})
			.all();
		const runId = run!.id;
		const total = plan.entries.length;
		for (let start = 0; start < total; start += chunkSize) {
			writeChunk(store, runId, plan.entries.slice(start, start + chunkSize), startedAt);
			options.onProgress?.({done: Math.min(total, start + chunkSize), total});
			// eslint-disable-next-line no-await-in-loop
			await new Promise(setImmediate);
		}

		store.db
			.update(importRuns)
			.set({
				finishedAt: new Date().toISOString(),
				createdCount: plan.counts.create,
				mappedCount: plan.counts.map,
				alreadyImportedCount: plan.counts.alreadyImported,
				skippedCount: plan.counts.skip,
			})
			.where(eq(importRuns.id, runId))
			.run();
		store.sqlite.exec('COMMIT');
		return {runId, plan};
	} catch (error: unknown) {
		if (store.sqlite.inTransaction) {
			store.sqlite.exec('ROLLBACK');
		}

		const reason = error instanceof Error ? error.message : String(error);
		recordFailedRun(store, options, startedAt, users.length, reason);
		throw new ImportFailedError(`The import failed and nothing of it was written: ${reason}`, {cause: error});
	}
}

function writeChunk(store: Store, runId: number, entries: readonly PlanEntry[], linkedAt: string): void {
	const creates = entries.filter((entry) => entry.action === 'create');
	const createdIds = new Map<string, number>();
	if (creates.length > 0) {
		const inserted = store.db
			.insert(people)
			.values(
				creates.map((entry) => ({
					name: toTerminalText(displayName(entry.user)) || entry.email,
					email: toTerminalText(entry.user.email).trim(),
					emailNormalised: entry.email,
					title: entry.user.title === null ? null : toTerminalText(entry.user.title),
					origin: 'salesforce' as const,
				})),
			)
			.returning({id: people.id, email: people.emailNormalised})
			.all();
		// RETURNING gives no promise about order: match the new ids back by email, which is unique.
		for (const row of inserted) {
			createdIds.set(row.email, row.id);
		}
	}

	const personIdOf = (entry: PlanEntry): number | null => {
		switch (entry.action) {
			case 'create': {
				return createdIds.get(entry.email) ?? null;
			}

			case 'map': {
				return entry.person.id;
			}

			case 'already-imported': {
				return entry.personId;
			}

			case 'skip': {
				return null;
			}
		}
	};

	const links = entries.flatMap((entry) =>
		entry.action === 'create' || entry.action === 'map'
			? [{salesforceUserId: entry.user.id, personId: personIdOf(entry)!, matchedBy: entry.action === 'create' ? ('created' as const) : ('email' as const), linkedAt, runId}]
			: [],
	);
	if (links.length > 0) {
		store.db.insert(salesforceLinks).values(links).run();
	}

	store.db
		.insert(importOutcomes)
		.values(
			entries.map((entry) => ({
				runId,
				salesforceUserId: entry.user.id,
				salesforceName: toTerminalText(displayName(entry.user)),
				email: entry.user.email === null ? null : toTerminalText(entry.user.email),
				outcome: outcomeOf[entry.action],
				reason: entry.action === 'skip' ? entry.reason : null,
				detail: entry.action === 'skip' ? entry.detail : null,
				personId: personIdOf(entry),
			})),
		)
		.run();
}

function recordFailedRun(store: Store, options: RunImportOptions, startedAt: string, selectedCount: number, error: string): void {
	try {
		store.db
			.insert(importRuns)
			.values({operator: options.operator, mode: options.mode, status: 'failed', startedAt, finishedAt: new Date().toISOString(), selectedCount, error})
			.run();
	} catch {
		// The store itself is failing; the caller reports the original error, which matters more.
	}
}
