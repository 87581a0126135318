CREATE TABLE `import_outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`salesforce_user_id` text NOT NULL,
	`salesforce_name` text NOT NULL,
	`email` text,
	`outcome` text NOT NULL,
	`reason` text,
	`detail` text,
	`person_id` integer,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_outcomes_run_id` ON `import_outcomes` (`run_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operator` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`selected_count` integer NOT NULL,
	`created_count` integer DEFAULT 0 NOT NULL,
	`mapped_count` integer DEFAULT 0 NOT NULL,
	`already_imported_count` integer DEFAULT 0 NOT NULL,
	`skipped_count` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_normalised` text NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`title` text,
	`team_id` integer,
	`origin` text NOT NULL,
	`os_login` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_normalised_unique` ON `people` (`email_normalised`);--> statement-breakpoint
CREATE UNIQUE INDEX `people_os_login_unique` ON `people` (`os_login`);--> statement-breakpoint
CREATE TABLE `salesforce_links` (
	`salesforce_user_id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`matched_by` text NOT NULL,
	`linked_at` text NOT NULL,
	`run_id` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `salesforce_links_person_id_unique` ON `salesforce_links` (`person_id`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_normalised` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_name_normalised_unique` ON `teams` (`name_normalised`);