CREATE TABLE "login_limits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_limits_kind" CHECK ("login_limits"."kind" in ('login', 'address', 'global', 'check', 'known'))
);
--> statement-breakpoint
CREATE INDEX "login_limits_key" ON "login_limits" USING btree ("kind","key","at");--> statement-breakpoint
CREATE INDEX "login_limits_at" ON "login_limits" USING btree ("at");