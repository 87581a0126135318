import {readFileSync} from 'node:fs';
import path from 'node:path';
import {readMigrationFiles} from 'drizzle-orm/migrator';

/** A migration recorded in a store's migrations table: drizzle keeps its hash and its `when` (folderMillis). */
export type AppliedMigration = {hash: string; createdAt: number | string};

/** Where a store's schema stands beside the migrations this salesscreen ships. */
export type SchemaVersion = {
	/** Migrations this salesscreen knows, oldest first. */
	known: number;
	/** Of those, how many the store has. */
	applied: number;
	/** The newest migration applied, by its tag (0002_store_origin), when the store has any this version knows. */
	current?: string;
	/** The newest this salesscreen knows. */
	latest: string;
	/** Migrations the store has that this salesscreen does not know: it was made by a newer one. */
	unknown: AppliedMigration[];
};

/** The migrations shipped in a folder, oldest first, with drizzle's tag for each (its journal lists them in the same order). */
export function knownMigrations(migrationsFolder: string): Array<{when: number; tag: string}> {
	const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {entries: Array<{tag: string}>};
	return readMigrationFiles({migrationsFolder}).map((migration, index) => ({when: Number(migration.folderMillis), tag: journal.entries[index]?.tag ?? String(index)}));
}

/**
 * The one rule both engines follow: a store is judged by the `when` of each migration it records. One this
 * salesscreen does not ship means a newer (or different) salesscreen migrated it, and it must be refused.
 */
export function judgeSchemaVersion(known: ReadonlyArray<{when: number; tag: string}>, applied: readonly AppliedMigration[]): SchemaVersion {
	const knownWhens = new Set(known.map((migration) => migration.when));
	const appliedWhens = new Set(applied.map((row) => Number(row.createdAt)));
	const have = known.filter((migration) => appliedWhens.has(migration.when));
	return {
		known: known.length,
		applied: have.length,
		...(have.length > 0 ? {current: have.at(-1)!.tag} : {}),
		latest: known.at(-1)?.tag ?? '',
		unknown: applied.filter((row) => !knownWhens.has(Number(row.createdAt))),
	};
}

/** The refusal's words, the same on both engines; `store` names it ("The SalesScreen database", "The PostgreSQL store db on host"). */
export function newerSchemaMessage(store: string, unknown: readonly AppliedMigration[]): string {
	const newest = unknown.at(-1)!;
	const when = Number.isFinite(Number(newest.createdAt)) ? new Date(Number(newest.createdAt)).toISOString().slice(0, 10) : String(newest.createdAt);
	return `${store} was made by a newer salesscreen (migration ${String(newest.hash).slice(0, 12)} of ${when}, which this one does not know); it was not opened, and nothing was changed. Upgrade salesscreen.`;
}
