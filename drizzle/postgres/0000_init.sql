CREATE TABLE "import_outcomes" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"salesforce_user_id" text NOT NULL,
	"salesforce_name" text NOT NULL,
	"email" text,
	"outcome" text NOT NULL,
	"reason" text,
	"detail" text,
	"person_id" integer,
	"manual" boolean DEFAULT false NOT NULL,
	"previous_values" text
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"operator" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text,
	"selected_count" integer NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"mapped_count" integer DEFAULT 0 NOT NULL,
	"already_imported_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"deactivated_count" integer DEFAULT 0 NOT NULL,
	"reactivated_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"sync_kind" text,
	"note" text,
	"undoes_run_id" integer,
	"releases_run_id" integer
);
--> statement-breakpoint
CREATE TABLE "manual_choices" (
	"salesforce_user_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"person_id" integer,
	"chosen_by" text NOT NULL,
	"chosen_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_normalised" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"title" text,
	"team_id" integer,
	"origin" text NOT NULL,
	"os_login" text,
	"federation_id" text,
	"deactivated_by_sync" boolean DEFAULT false NOT NULL,
	"created_at" text DEFAULT (to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL,
	"updated_at" text DEFAULT (to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL,
	CONSTRAINT "people_email_normalised_unique" UNIQUE("email_normalised"),
	CONSTRAINT "people_os_login_unique" UNIQUE("os_login"),
	CONSTRAINT "people_federation_id_unique" UNIQUE("federation_id")
);
--> statement-breakpoint
CREATE TABLE "salesforce_links" (
	"salesforce_user_id" text PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"matched_by" text NOT NULL,
	"linked_at" text NOT NULL,
	"run_id" integer,
	"salesforce_name" text,
	CONSTRAINT "salesforce_links_person_id_unique" UNIQUE("person_id")
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"high_water_mark" text,
	"last_full_sync_at" text,
	"incremental_since_full" integer DEFAULT 0 NOT NULL,
	"fingerprint" text,
	"full_sync_requested_at" text,
	"updated_at" text DEFAULT (to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_normalised" text NOT NULL,
	"created_at" text DEFAULT (to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL,
	CONSTRAINT "teams_name_normalised_unique" UNIQUE("name_normalised")
);
--> statement-breakpoint
ALTER TABLE "import_outcomes" ADD CONSTRAINT "import_outcomes_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_undoes_run_id_import_runs_id_fk" FOREIGN KEY ("undoes_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_releases_run_id_import_runs_id_fk" FOREIGN KEY ("releases_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_choices" ADD CONSTRAINT "manual_choices_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesforce_links" ADD CONSTRAINT "salesforce_links_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salesforce_links" ADD CONSTRAINT "salesforce_links_run_id_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_outcomes_run_id" ON "import_outcomes" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "manual_choices_person_id_unique" ON "manual_choices" USING btree ("person_id");