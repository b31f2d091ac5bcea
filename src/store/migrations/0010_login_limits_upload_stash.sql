CREATE TABLE "login_limits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_limits_kind" CHECK ("login_limits"."kind" in ('login', 'address', 'global', 'check', 'known'))
);
--> statement-breakpoint
CREATE TABLE "upload_stash" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"user_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "upload_stash_file" UNIQUE("token","position")
);
--> statement-breakpoint
ALTER TABLE "upload_stash" ADD CONSTRAINT "upload_stash_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_limits_key" ON "login_limits" USING btree ("kind","key","at");--> statement-breakpoint
CREATE INDEX "login_limits_at" ON "login_limits" USING btree ("at");--> statement-breakpoint
CREATE INDEX "upload_stash_expires" ON "upload_stash" USING btree ("expires_at");