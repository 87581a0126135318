CREATE TABLE `store_origin` (
	`id` integer PRIMARY KEY NOT NULL,
	`created_on_demo` integer DEFAULT false NOT NULL,
	`demo_users` integer,
	`demo_seed` integer,
	`org_id` text,
	`org_is_demo` integer,
	`org_instance_url` text,
	`org_since` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
