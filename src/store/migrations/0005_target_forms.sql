ALTER TABLE "assessments" ADD COLUMN "forms" jsonb;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "bound" text;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "forms" jsonb;--> statement-breakpoint
ALTER TABLE "series_revisions" ADD COLUMN "forms" jsonb;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_bound" CHECK ("observations"."bound" is null or ("observations"."kind" = 'value' and "observations"."bound" in ('at-least', 'more-than', 'at-most', 'less-than')));--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_label" CHECK ("observations"."label" is null or "observations"."kind" = 'value');