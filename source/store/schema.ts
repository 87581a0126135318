import {sql} from 'drizzle-orm';
import {index, integer, sqliteTable, text, type AnySQLiteColumn} from 'drizzle-orm/sqlite-core';

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
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now),
});

export const importRuns = sqliteTable('import_runs', {
	id: integer('id').primaryKey({autoIncrement: true}),
	operator: text('operator').notNull(),
	mode: text('mode', {enum: ['manual', 'auto']}).notNull(),
	status: text('status', {enum: ['completed', 'failed']}).notNull(),
	startedAt: text('started_at').notNull(),
	finishedAt: text('finished_at'),
	selectedCount: integer('selected_count').notNull(),
	createdCount: integer('created_count').notNull().default(0),
	mappedCount: integer('mapped_count').notNull().default(0),
	alreadyImportedCount: integer('already_imported_count').notNull().default(0),
	skippedCount: integer('skipped_count').notNull().default(0),
	error: text('error'),
});

/** One Salesforce user ↔ one person, both ways unique. */
export const salesforceLinks = sqliteTable('salesforce_links', {
	salesforceUserId: text('salesforce_user_id').primaryKey(),
	personId: integer('person_id')
		.notNull()
		.unique()
		.references(() => people.id, {onDelete: 'cascade'}),
	matchedBy: text('matched_by', {enum: ['created', 'email']}).notNull(),
	linkedAt: text('linked_at').notNull(),
	runId: integer('run_id').references(() => importRuns.id),
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
		outcome: text('outcome', {enum: ['created', 'mapped', 'already-imported', 'skipped']}).notNull(),
		reason: text('reason'),
		detail: text('detail'),
		personId: integer('person_id'),
	},
	(table) => [index('import_outcomes_run_id').on(table.runId)],
);
