import {sql} from 'drizzle-orm';
import {boolean, index, integer, pgTable, serial, text, uniqueIndex, type AnyPgColumn} from 'drizzle-orm/pg-core';
import {importOutcomeKinds, importRunModes, importRunStatuses} from './schema.js';

// The same tables, columns and constraints as the SQLite schema (schema.ts), so both engines behave alike.
// Timestamps stay ISO-8601 UTC text, as on SQLite: every query reads and compares them the same way.
const now = sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

export const teams = pgTable('teams', {
	id: serial('id').primaryKey(),
	name: text('name').notNull(),
	nameNormalised: text('name_normalised').notNull().unique(),
	createdAt: text('created_at').notNull().default(now),
});

export const people = pgTable('people', {
	id: serial('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull(),
	emailNormalised: text('email_normalised').notNull().unique(),
	role: text('role', {enum: ['admin', 'member']}).notNull().default('member'),
	active: boolean('active').notNull().default(true),
	title: text('title'),
	teamId: integer('team_id').references((): AnyPgColumn => teams.id, {onDelete: 'set null'}),
	origin: text('origin', {enum: ['manual', 'salesforce', 'demo-seed']}).notNull(),
	osLogin: text('os_login').unique(),
	federationId: text('federation_id').unique(),
	deactivatedBySync: boolean('deactivated_by_sync').notNull().default(false),
	createdAt: text('created_at').notNull().default(now),
	updatedAt: text('updated_at').notNull().default(now),
});

export const importRuns = pgTable('import_runs', {
	id: serial('id').primaryKey(),
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
	syncKind: text('sync_kind', {enum: ['full', 'incremental']}),
	note: text('note'),
	undoesRunId: integer('undoes_run_id').references((): AnyPgColumn => importRuns.id),
	releasesRunId: integer('releases_run_id').references((): AnyPgColumn => importRuns.id),
});

export const salesforceLinks = pgTable('salesforce_links', {
	salesforceUserId: text('salesforce_user_id').primaryKey(),
	personId: integer('person_id')
		.notNull()
		.unique()
		.references(() => people.id, {onDelete: 'cascade'}),
	matchedBy: text('matched_by', {enum: ['created', 'email', 'federation-id', 'manual']}).notNull(),
	linkedAt: text('linked_at').notNull(),
	runId: integer('run_id').references(() => importRuns.id),
	salesforceName: text('salesforce_name'),
});

export const importOutcomes = pgTable(
	'import_outcomes',
	{
		id: serial('id').primaryKey(),
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
		manual: boolean('manual').notNull().default(false),
		previousValues: text('previous_values'),
	},
	(table) => [index('import_outcomes_run_id').on(table.runId)],
);

export const manualChoices = pgTable(
	'manual_choices',
	{
		salesforceUserId: text('salesforce_user_id').primaryKey(),
		kind: text('kind', {enum: ['map', 'ignore']}).notNull(),
		personId: integer('person_id').references(() => people.id, {onDelete: 'cascade'}),
		chosenBy: text('chosen_by').notNull(),
		chosenAt: text('chosen_at').notNull(),
	},
	(table) => [uniqueIndex('manual_choices_person_id_unique').on(table.personId)],
);

export const syncState = pgTable('sync_state', {
	id: integer('id').primaryKey(),
	highWaterMark: text('high_water_mark'),
	lastFullSyncAt: text('last_full_sync_at'),
	incrementalSinceFull: integer('incremental_since_full').notNull().default(0),
	fingerprint: text('fingerprint'),
	fullSyncRequestedAt: text('full_sync_requested_at'),
	updatedAt: text('updated_at').notNull().default(now),
});

export const storeOrigin = pgTable('store_origin', {
	id: integer('id').primaryKey(),
	createdOnDemo: boolean('created_on_demo').notNull().default(false),
	demoUsers: integer('demo_users'),
	demoSeed: integer('demo_seed'),
	orgId: text('org_id'),
	orgIsDemo: boolean('org_is_demo'),
	orgInstanceUrl: text('org_instance_url'),
	orgSince: text('org_since'),
	updatedAt: text('updated_at').notNull().default(now),
});
