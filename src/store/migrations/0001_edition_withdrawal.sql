ALTER TABLE "editions" ADD COLUMN "publish_reason" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "withdrawn_by" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;