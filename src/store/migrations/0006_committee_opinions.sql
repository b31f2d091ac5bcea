ALTER TABLE "comments" ADD COLUMN "opinion_marked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "opinion_marked_by" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "opinions" text;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_opinion_marked_by_users_id_fk" FOREIGN KEY ("opinion_marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;