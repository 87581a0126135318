CREATE TABLE "store_origin" (
	"id" integer PRIMARY KEY NOT NULL,
	"created_on_demo" boolean DEFAULT false NOT NULL,
	"demo_users" integer,
	"demo_seed" integer,
	"org_id" text,
	"org_is_demo" boolean,
	"org_instance_url" text,
	"org_since" text,
	"updated_at" text DEFAULT (to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) NOT NULL
);
