import {sql} from 'drizzle-orm';
import {index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn} from 'drizzle-orm/sqlite-core';

// Timestamps are ISO-8601 UTC strings: readable in the sqlite3 shell and sortable as text.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const teams = sqliteTable('teams', {
	id: integer('id').primaryKey({autoIncrement: true}),
	name: text('name').notNull(),
	// Two teams whose names differ only in case would confuse everyone.
	nameNormalised: text('name_normalised').notNull().unique(),
	createdAt: text('created_at').notNull().default(now),
});

/** SalesScreen users. */
export const people = sqliteTable('people', {
	id: integer('id').primaryKey({autoIncrement: true}),
	name: text('name').notNull(),
	/** As it was given. */
	email: text('email').notNull(),
	// Uniqueness without regard to case lives in the schema, so two writers can never make a duplicate.
	emailNormalised: text('email_normalised').notNull().unique(),
	role: text('role', {enum: ['admin', 'member']}).notNull().default('member'),
	active: integer('active', {mode: 'boolean'}).notNull().default(true),
	title: text('title'),
	teamId: integer('team_id').references((): AnySQLiteColumn => teams.id, {onDelete: 'set null'}),
	origin: text('origin', {enum: ['manual', 'salesforce', 'demo-seed']}).notNull(),
	/** The operating-system login of a person who administers from a shell. */
	osLogin: text('os_login').unique(),
	/** The person's single sign-on id; matched against Salesforce's FederationIdentifier when the admin turns that on. */
	federationId: text('federation_id').unique(),
	/** Made inactive by automatic sync because their Salesforce user was; only such a person is reactivated by it. */
	deactivatedBySync: integer('deactivated_by_sync', {mode: 'boolean'}).notNull().default(false),
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now),
});

export const importRunModes = ['manual', 'auto', 'undo'] as const;
/**
 * completed: written; failed: nothing written; held: an automatic run the safeguard stopped, nothing written;
 * released: a held run an admin let through (the releasing run did the work); undone: reversed by an undo run.
 */
export const importRunStatuses = ['completed', 'failed', 'held', 'released', 'undone'] as const;
export const importOutcomeKinds = [
	'created',
	'mapped',
	'already-imported',
	'skipped',
	'deactivated',
	'reactivated',
	// An undo run's outcomes: the person deleted; the link deleted, the person kept; the person kept for a reason.
	'removed',
	'unlinked',
	'kept',
] as const;

export const importRuns = sqliteTable('import_runs', {
	id: integer('id').primaryKey({autoIncrement: true}),
	operator: text('operator').notNull(),
	mode: text('mode', {enum: importRunModes}).notNull(),
	status: text('status', {enum: importRunStatuses}).notNull(),
	startedAt: text('started_at').notNull(),
	finishedAt: text('finished_at'),
	selectedCount: integer('selected_count').notNull(),
	createdCount: integer('created_count').notNull().default(0),
	mappedCount: integer('mapped_count').notNull().default(0),
	alreadyImportedCount: integer('already_imported_count').notNull().default(0),
	skippedCount: integer('skipped_count').notNull().default(0),
	deactivatedCount: integer('deactivated_count').notNull().default(0),
	reactivatedCount: integer('reactivated_count').notNull().default(0),
	error: text('error'),
	/** Automatic runs: whether every user was read, or only those changed since the last sync. */
	syncKind: text('sync_kind', {enum: ['full', 'incremental']}),
	/** One sentence for people about what is special in this run: why it was held, what it undid or released. */
	note: text('note'),
	/** An undo run: the run it reversed. */
	undoesRunId: integer('undoes_run_id').references((): AnySQLiteColumn => importRuns.id),
	/** An automatic run started with --confirm-held: the held run it let through. */
	releasesRunId: integer('releases_run_id').references((): AnySQLiteColumn => importRuns.id),
});

/** One Salesforce user ↔ one person, both ways unique. */
export const salesforceLinks = sqliteTable('salesforce_links', {
	salesforceUserId: text('salesforce_user_id').primaryKey(),
	personId: integer('person_id')
		.notNull()
		.unique()
		.references(() => people.id, {onDelete: 'cascade'}),
	matchedBy: text('matched_by', {enum: ['created', 'email', 'federation-id', 'manual']}).notNull(),
	linkedAt: text('linked_at').notNull(),
	runId: integer('run_id').references(() => importRuns.id),
	/** The user's Salesforce name when linked, so that a later conflict can name them. */
	salesforceName: text('salesforce_name'),
});

export const importOutcomes = sqliteTable(
	'import_outcomes',
	{
		id: integer('id').primaryKey({autoIncrement: true}),
		runId: integer('run_id')
			.notNull()
			.references(() => importRuns.id, {onDelete: 'cascade'}),
		salesforceUserId: text('salesforce_user_id').notNull(),
		salesforceName: text('salesforce_name').notNull(),
		email: text('email'),
		outcome: text('outcome', {enum: importOutcomeKinds}).notNull(),
		reason: text('reason'),
		detail: text('detail'),
		personId: integer('person_id'),
		/** A mapping the admin chose by hand rather than one found by email or FederationIdentifier. */
		manual: integer('manual', {mode: 'boolean'}).notNull().default(false),
		/** JSON of the person's fields a mapping overwrote ({"name": …, "title": …}), so that undo can put them back. */
		previousValues: text('previous_values'),
	},
	(table) => [index('import_outcomes_run_id').on(table.runId)],
);

/** The admin's decisions for single Salesforce users, followed by every import over email matching. */
export const manualChoices = sqliteTable(
	'manual_choices',
	{
		salesforceUserId: text('salesforce_user_id').primaryKey(),
		kind: text('kind', {enum: ['map', 'ignore']}).notNull(),
		/** For `map`: the person chosen; a deleted person takes the choice with them. */
		personId: integer('person_id').references(() => people.id, {onDelete: 'cascade'}),
		chosenBy: text('chosen_by').notNull(),
		chosenAt: text('chosen_at').notNull(),
	},
	// One person is chosen for one Salesforce user at most (ignores have no person, and NULLs never clash).
	(table) => [uniqueIndex('manual_choices_person_id_unique').on(table.personId)],
);

/** What automatic sync remembers between runs: one row, id 1. */
export const syncState = sqliteTable('sync_state', {
	id: integer('id').primaryKey(),
	highWaterMark: text('high_water_mark'),
	lastFullSyncAt: text('last_full_sync_at'),
	incrementalSinceFull: integer('incremental_since_full').notNull().default(0),
	fingerprint: text('fingerprint'),
	fullSyncRequestedAt: text('full_sync_requested_at'),
	updatedAt: text('updated_at').notNull().default(now),
});

/**
 * Where this store's people come from: one row, id 1. A store the demo org started remembers that (and how
 * to start the same demo again), so that a headless command may use the demo only for it; the org an import
 * first wrote from is kept, so that another org's users never land here unasked.
 */
export const storeOrigin = sqliteTable('store_origin', {
	id: integer('id').primaryKey(),
	createdOnDemo: integer('created_on_demo', {mode: 'boolean'}).notNull().default(false),
	demoUsers: integer('demo_users'),
	demoSeed: integer('demo_seed'),
	/** The Salesforce Organization.Id imports and syncs wrote from; null before the first one. */
	orgId: text('org_id'),
	/** That org was the built-in demo org. */
	orgIsDemo: integer('org_is_demo', {mode: 'boolean'}),
	orgInstanceUrl: text('org_instance_url'),
	orgSince: text('org_since'),
	updatedAt: text('updated_at').notNull().default(now),
});
