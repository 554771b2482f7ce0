-- Parallel sends could leave several pending changes for one user: keep the newest, cancel the rest.
UPDATE "pending_changes" SET "status" = 'cancelled' WHERE "status" = 'pending' AND "id" NOT IN (SELECT DISTINCT ON ("user_id") "id" FROM "pending_changes" WHERE "status" = 'pending' ORDER BY "user_id", "created_at" DESC, "id" DESC);--> statement-breakpoint
CREATE UNIQUE INDEX "pending_changes_one_pending_per_user" ON "pending_changes" USING btree ("user_id") WHERE "pending_changes"."status" = 'pending';
