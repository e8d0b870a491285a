-- Trigram indexes for partial-word search (PGlite loads the extension in db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."notification_frequency" AS ENUM('immediately', 'daily', 'off');--> statement-breakpoint
CREATE TYPE "public"."report_reason" AS ENUM('spam', 'offensive', 'off_topic', 'other');--> statement-breakpoint
CREATE TABLE "edition_events" (
	"edition_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "edition_events_edition_id_kind_pk" PRIMARY KEY("edition_id","kind")
);
--> statement-breakpoint
ALTER TABLE "feedback" DROP CONSTRAINT "feedback_has_author_or_source";--> statement-breakpoint
ALTER TABLE "feedback" DROP CONSTRAINT "feedback_author_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "votes" DROP CONSTRAINT "votes_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "comments" ALTER COLUMN "section_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "reason" SET DEFAULT '';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_frequency" "notification_frequency" DEFAULT 'immediately' NOT NULL;--> statement-breakpoint
ALTER TABLE "section_revisions" ADD COLUMN "search_text" text GENERATED ALWAYS AS (regexp_replace(jsonb_path_query_array(blocks, '$[*].html')::text, '<[^>]*>|\\[nrt"]|[\[\]"]', ' ', 'g')) STORED;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "proposal_id" uuid;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "quote_offset" integer;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "reply_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "category" "report_reason" DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "emailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "edition_events" ADD CONSTRAINT "edition_events_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_proposal_id_proposals_feedback_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("feedback_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "section_revisions_fts_idx" ON "section_revisions" USING gin (to_tsvector('german', "search_text"));--> statement-breakpoint
CREATE INDEX "section_revisions_trgm_idx" ON "section_revisions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "comments_proposal_idx" ON "comments" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "comments_body_fts_idx" ON "comments" USING gin (to_tsvector('german', "body"));--> statement-breakpoint
CREATE INDEX "comments_body_trgm_idx" ON "comments" USING gin ("body" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_idempotency_unique" ON "feedback" USING btree ("author_id","idempotency_key") WHERE "feedback"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "proposals_fts_idx" ON "proposals" USING gin (to_tsvector('german', "title" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "proposals_trgm_idx" ON "proposals" USING gin (("title" || ' ' || "description") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_one_target" CHECK (num_nonnulls("comments"."section_id", "comments"."proposal_id") = 1);--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_has_author_or_source" CHECK ("feedback"."author_id" is not null or "feedback"."source" <> 'platform' or "feedback"."anonymised_at" is not null);