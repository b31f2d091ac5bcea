CREATE TABLE "municipalities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
-- Row 1 is the installation's own municipality: everything stored before municipalities existed is its,
-- named after its first plan's municipality (or blank until the first plan names it).
INSERT INTO "municipalities" ("id", "name") VALUES (1, coalesce((SELECT "municipality" FROM "plans" ORDER BY "id" LIMIT 1), ''));--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('municipalities', 'id'), 1);--> statement-breakpoint
ALTER TABLE "departments" DROP CONSTRAINT "departments_name_unique";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role";--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "municipality_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "indicator" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "municipality_id" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "population" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "municipality_id" integer DEFAULT 1;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plans_municipality" ON "plans" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "users_municipality" ON "users" USING btree ("municipality_id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_municipality_name" UNIQUE("municipality_id","name");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_host_municipality" CHECK (("users"."role" = 'host') = ("users"."municipality_id" is null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role" CHECK ("users"."role" in ('host', 'admin', 'department', 'committee'));