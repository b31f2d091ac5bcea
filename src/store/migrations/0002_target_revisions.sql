CREATE TABLE "series_revisions" (
	"series_id" integer NOT NULL,
	"from_year" integer NOT NULL,
	"target_value" numeric,
	"target_year" integer,
	"baseline_value" numeric,
	"baseline_from" integer,
	"baseline_to" integer,
	"baseline_qualifier" text,
	"note" text NOT NULL,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "series_revisions_series_id_from_year_pk" PRIMARY KEY("series_id","from_year"),
	CONSTRAINT "series_revisions_changes" CHECK ("series_revisions"."target_value" is not null or "series_revisions"."baseline_value" is not null),
	CONSTRAINT "series_revisions_target" CHECK (("series_revisions"."target_value" is null) = ("series_revisions"."target_year" is null)),
	CONSTRAINT "series_revisions_note" CHECK (btrim("series_revisions"."note") <> '')
);
--> statement-breakpoint
ALTER TABLE "series_revisions" ADD CONSTRAINT "series_revisions_series_id_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_revisions" ADD CONSTRAINT "series_revisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;