ALTER TABLE "email_codes" ADD COLUMN "session_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "step_up_grants" ADD COLUMN "session_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "step_up_grants" ADD COLUMN "scope" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "step_up_grants" DROP CONSTRAINT "step_up_grants_pkey";--> statement-breakpoint
ALTER TABLE "step_up_grants" ADD CONSTRAINT "step_up_grants_user_id_session_key_pk" PRIMARY KEY("user_id","session_key");--> statement-breakpoint
DROP INDEX "email_codes_user";--> statement-breakpoint
CREATE INDEX "email_codes_user" ON "email_codes" USING btree ("user_id","session_key","created_at");
