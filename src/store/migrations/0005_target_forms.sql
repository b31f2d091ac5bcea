ALTER TABLE "assessments" ADD COLUMN "forms" jsonb;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "bound" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "forms" jsonb;--> statement-breakpoint
ALTER TABLE "series_revisions" ADD COLUMN "forms" jsonb;