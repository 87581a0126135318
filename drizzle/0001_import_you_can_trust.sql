CREATE TABLE `manual_choices` (
	`salesforce_user_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`person_id` integer,
	`chosen_by` text NOT NULL,
	`chosen_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manual_choices_person_id_unique` ON `manual_choices` (`person_id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`high_water_mark` text,
	`last_full_sync_at` text,
	`incremental_since_full` integer DEFAULT 0 NOT NULL,
	`fingerprint` text,
	`full_sync_requested_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `import_outcomes` ADD `manual` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `import_outcomes` ADD `previous_values` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `deactivated_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `reactivated_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `sync_kind` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `note` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `undoes_run_id` integer REFERENCES import_runs(id);--> statement-breakpoint
ALTER TABLE `import_runs` ADD `releases_run_id` integer REFERENCES import_runs(id);--> statement-breakpoint
ALTER TABLE `people` ADD `federation_id` text;--> statement-breakpoint
ALTER TABLE `people` ADD `deactivated_by_sync` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `people_federation_id_unique` ON `people` (`federation_id`);--> statement-breakpoint
ALTER TABLE `salesforce_links` ADD `salesforce_name` text;--> statement-breakpoint
-- Links made before this migration get the name their import recorded, so conflicts can name both users.
UPDATE `salesforce_links` SET `salesforce_name` = (SELECT o.`salesforce_name` FROM `import_outcomes` o WHERE o.`run_id` = `salesforce_links`.`run_id` AND o.`salesforce_user_id` = `salesforce_links`.`salesforce_user_id` ORDER BY o.`id` DESC LIMIT 1);
