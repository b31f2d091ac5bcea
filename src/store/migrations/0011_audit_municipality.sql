ALTER TABLE "audit_log" ADD COLUMN "municipality_id" integer;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_municipality" ON "audit_log" USING btree ("municipality_id");--> statement-breakpoint
-- Every change to accounts and departments made before municipalities existed was the installation's own.
UPDATE "audit_log" SET "municipality_id" = 1 WHERE "plan_id" IS NULL AND "action" NOT LIKE 'municipality.%';
