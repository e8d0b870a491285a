CREATE TABLE "proposal_group_votes" (
	"proposal_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"votes_for" integer DEFAULT 0 NOT NULL,
	"votes_against" integer DEFAULT 0 NOT NULL,
	"votes_abstain" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "proposal_group_votes_proposal_id_group_id_pk" PRIMARY KEY("proposal_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_stats" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"edition_id" uuid NOT NULL,
	"chapter_id" uuid NOT NULL,
	"listed_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"votes_for" integer DEFAULT 0 NOT NULL,
	"votes_against" integer DEFAULT 0 NOT NULL,
	"votes_abstain" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "comments_body_fts_idx";--> statement-breakpoint
DROP INDEX "proposals_fts_idx";--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, body)) STORED;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('german'::regconfig, title || ' ' || description)) STORED;--> statement-breakpoint
ALTER TABLE "proposal_group_votes" ADD CONSTRAINT "proposal_group_votes_proposal_id_proposals_feedback_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("feedback_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_group_votes" ADD CONSTRAINT "proposal_group_votes_group_id_stakeholder_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."stakeholder_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_stats" ADD CONSTRAINT "proposal_stats_proposal_id_proposals_feedback_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("feedback_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_stats" ADD CONSTRAINT "proposal_stats_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_stats" ADD CONSTRAINT "proposal_stats_chapter_id_chapters_id_fk" FOREIGN KEY ("chapter_id") REFERENCES "public"."chapters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_stats_edition_newest_idx" ON "proposal_stats" USING btree ("edition_id","listed_at" DESC NULLS FIRST,"title","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_stats_edition_support_idx" ON "proposal_stats" USING btree ("edition_id","votes_for" DESC NULLS FIRST,"listed_at" DESC NULLS FIRST,"proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_stats_edition_discussed_idx" ON "proposal_stats" USING btree ("edition_id","comments" DESC NULLS FIRST,"listed_at" DESC NULLS FIRST,"proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_stats_chapter_newest_idx" ON "proposal_stats" USING btree ("chapter_id","listed_at" DESC NULLS FIRST,"title","proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_stats_chapter_support_idx" ON "proposal_stats" USING btree ("chapter_id","votes_for" DESC NULLS FIRST,"listed_at" DESC NULLS FIRST,"proposal_id");--> statement-breakpoint
CREATE INDEX "proposal_stats_chapter_discussed_idx" ON "proposal_stats" USING btree ("chapter_id","comments" DESC NULLS FIRST,"listed_at" DESC NULLS FIRST,"proposal_id");--> statement-breakpoint
CREATE INDEX "comments_search_vector_idx" ON "comments" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "proposals_search_vector_idx" ON "proposals" USING gin ("search_vector");--> statement-breakpoint
-- The proposal list's counts, kept by the database in the transaction of every write (the app's
-- actions, the seeds, moderation, deletions alike). Statement-level triggers with transition
-- tables: a bulk insert of 100,000 votes updates each proposal's row once, not 100,000 times.
-- Counts rows are locked in proposal order (stats before group tallies), so concurrent voters
-- queue on the proposal's row and never deadlock.
CREATE FUNCTION planwerk_proposal_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO proposal_stats (proposal_id, edition_id, chapter_id, listed_at, title, hidden)
  SELECT p.feedback_id, f.edition_id, p.chapter_id, coalesce(f.received_at, f.created_at), p.title, p.hidden_at IS NOT NULL
  FROM new_proposals p JOIN feedback f ON f.id = p.feedback_id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER proposals_stats_insert AFTER INSERT ON proposals
  REFERENCING NEW TABLE AS new_proposals FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_insert();--> statement-breakpoint
CREATE FUNCTION planwerk_proposal_stats_mirror() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'proposals' THEN
    UPDATE proposal_stats SET chapter_id = NEW.chapter_id, title = NEW.title, hidden = NEW.hidden_at IS NOT NULL
    WHERE proposal_id = NEW.feedback_id;
  ELSE
    UPDATE proposal_stats SET edition_id = NEW.edition_id, listed_at = coalesce(NEW.received_at, NEW.created_at)
    WHERE proposal_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER proposals_stats_mirror AFTER UPDATE ON proposals FOR EACH ROW
  WHEN (OLD.chapter_id IS DISTINCT FROM NEW.chapter_id OR OLD.title IS DISTINCT FROM NEW.title OR (OLD.hidden_at IS NULL) <> (NEW.hidden_at IS NULL))
  EXECUTE FUNCTION planwerk_proposal_stats_mirror();--> statement-breakpoint
CREATE TRIGGER feedback_proposal_stats_mirror AFTER UPDATE ON feedback FOR EACH ROW
  WHEN (NEW.kind = 'proposal' AND (OLD.edition_id IS DISTINCT FROM NEW.edition_id OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.created_at IS DISTINCT FROM NEW.created_at))
  EXECUTE FUNCTION planwerk_proposal_stats_mirror();--> statement-breakpoint
CREATE FUNCTION planwerk_proposal_stats_votes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE proposal_stats s SET votes_for = s.votes_for + d.f, votes_against = s.votes_against + d.a, votes_abstain = s.votes_abstain + d.b
    FROM (
      SELECT proposal_id, count(*) FILTER (WHERE choice = 'for') AS f, count(*) FILTER (WHERE choice = 'against') AS a, count(*) FILTER (WHERE choice = 'abstain') AS b
      FROM new_votes GROUP BY proposal_id ORDER BY proposal_id
    ) d
    WHERE s.proposal_id = d.proposal_id;
    INSERT INTO proposal_group_votes AS t (proposal_id, group_id, votes_for, votes_against, votes_abstain)
    SELECT proposal_id, group_id, count(*) FILTER (WHERE choice = 'for'), count(*) FILTER (WHERE choice = 'against'), count(*) FILTER (WHERE choice = 'abstain')
    FROM new_votes GROUP BY proposal_id, group_id ORDER BY proposal_id, group_id
    ON CONFLICT (proposal_id, group_id) DO UPDATE
    SET votes_for = t.votes_for + excluded.votes_for, votes_against = t.votes_against + excluded.votes_against, votes_abstain = t.votes_abstain + excluded.votes_abstain;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE proposal_stats s SET votes_for = s.votes_for + d.f, votes_against = s.votes_against + d.a, votes_abstain = s.votes_abstain + d.b
    FROM (
      SELECT proposal_id, coalesce(sum(n) FILTER (WHERE choice = 'for'), 0) AS f, coalesce(sum(n) FILTER (WHERE choice = 'against'), 0) AS a, coalesce(sum(n) FILTER (WHERE choice = 'abstain'), 0) AS b
      FROM (SELECT proposal_id, choice, 1 AS n FROM new_votes UNION ALL SELECT proposal_id, choice, -1 FROM old_votes) x
      GROUP BY proposal_id ORDER BY proposal_id
    ) d
    WHERE s.proposal_id = d.proposal_id AND (d.f <> 0 OR d.a <> 0 OR d.b <> 0);
    INSERT INTO proposal_group_votes AS t (proposal_id, group_id, votes_for, votes_against, votes_abstain)
    SELECT proposal_id, group_id, coalesce(sum(n) FILTER (WHERE choice = 'for'), 0), coalesce(sum(n) FILTER (WHERE choice = 'against'), 0), coalesce(sum(n) FILTER (WHERE choice = 'abstain'), 0)
    FROM (SELECT proposal_id, group_id, choice, 1 AS n FROM new_votes UNION ALL SELECT proposal_id, group_id, choice, -1 FROM old_votes) x
    GROUP BY proposal_id, group_id
    HAVING coalesce(sum(n) FILTER (WHERE choice = 'for'), 0) <> 0 OR coalesce(sum(n) FILTER (WHERE choice = 'against'), 0) <> 0 OR coalesce(sum(n) FILTER (WHERE choice = 'abstain'), 0) <> 0
    ORDER BY proposal_id, group_id
    ON CONFLICT (proposal_id, group_id) DO UPDATE
    SET votes_for = t.votes_for + excluded.votes_for, votes_against = t.votes_against + excluded.votes_against, votes_abstain = t.votes_abstain + excluded.votes_abstain;
  ELSE
    -- Also reached when a proposal is deleted with its votes: its counts rows are gone or going, so only updates.
    UPDATE proposal_stats s SET votes_for = s.votes_for - d.f, votes_against = s.votes_against - d.a, votes_abstain = s.votes_abstain - d.b
    FROM (
      SELECT proposal_id, count(*) FILTER (WHERE choice = 'for') AS f, count(*) FILTER (WHERE choice = 'against') AS a, count(*) FILTER (WHERE choice = 'abstain') AS b
      FROM old_votes GROUP BY proposal_id ORDER BY proposal_id
    ) d
    WHERE s.proposal_id = d.proposal_id;
    UPDATE proposal_group_votes t SET votes_for = t.votes_for - d.f, votes_against = t.votes_against - d.a, votes_abstain = t.votes_abstain - d.b
    FROM (
      SELECT proposal_id, group_id, count(*) FILTER (WHERE choice = 'for') AS f, count(*) FILTER (WHERE choice = 'against') AS a, count(*) FILTER (WHERE choice = 'abstain') AS b
      FROM old_votes GROUP BY proposal_id, group_id ORDER BY proposal_id, group_id
    ) d
    WHERE t.proposal_id = d.proposal_id AND t.group_id = d.group_id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER votes_stats_insert AFTER INSERT ON votes
  REFERENCING NEW TABLE AS new_votes FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_votes();--> statement-breakpoint
CREATE TRIGGER votes_stats_update AFTER UPDATE ON votes
  REFERENCING OLD TABLE AS old_votes NEW TABLE AS new_votes FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_votes();--> statement-breakpoint
CREATE TRIGGER votes_stats_delete AFTER DELETE ON votes
  REFERENCING OLD TABLE AS old_votes FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_votes();--> statement-breakpoint
CREATE FUNCTION planwerk_proposal_stats_comments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE proposal_stats s SET comments = s.comments + d.n
    FROM (
      SELECT proposal_id, count(*) AS n FROM new_comments
      WHERE proposal_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY proposal_id ORDER BY proposal_id
    ) d
    WHERE s.proposal_id = d.proposal_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE proposal_stats s SET comments = s.comments + d.n
    FROM (
      SELECT proposal_id, sum(n) AS n FROM (
        SELECT proposal_id, 1 AS n FROM new_comments WHERE proposal_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL
        UNION ALL
        SELECT proposal_id, -1 FROM old_comments WHERE proposal_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL
      ) x
      GROUP BY proposal_id HAVING sum(n) <> 0 ORDER BY proposal_id
    ) d
    WHERE s.proposal_id = d.proposal_id;
  ELSE
    UPDATE proposal_stats s SET comments = s.comments - d.n
    FROM (
      SELECT proposal_id, count(*) AS n FROM old_comments
      WHERE proposal_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY proposal_id ORDER BY proposal_id
    ) d
    WHERE s.proposal_id = d.proposal_id;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER comments_stats_insert AFTER INSERT ON comments
  REFERENCING NEW TABLE AS new_comments FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_comments();--> statement-breakpoint
CREATE TRIGGER comments_stats_update AFTER UPDATE ON comments
  REFERENCING OLD TABLE AS old_comments NEW TABLE AS new_comments FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_comments();--> statement-breakpoint
CREATE TRIGGER comments_stats_delete AFTER DELETE ON comments
  REFERENCING OLD TABLE AS old_comments FOR EACH STATEMENT EXECUTE FUNCTION planwerk_proposal_stats_comments();--> statement-breakpoint
-- The counts of what exists (the triggers above hold the tables' locks until this migration commits).
INSERT INTO proposal_stats (proposal_id, edition_id, chapter_id, listed_at, title, hidden, votes_for, votes_against, votes_abstain, comments)
SELECT p.feedback_id, f.edition_id, p.chapter_id, coalesce(f.received_at, f.created_at), p.title, p.hidden_at IS NOT NULL,
  coalesce(v.f, 0), coalesce(v.a, 0), coalesce(v.b, 0), coalesce(c.n, 0)
FROM proposals p
JOIN feedback f ON f.id = p.feedback_id
LEFT JOIN (
  SELECT proposal_id, count(*) FILTER (WHERE choice = 'for') AS f, count(*) FILTER (WHERE choice = 'against') AS a, count(*) FILTER (WHERE choice = 'abstain') AS b
  FROM votes GROUP BY proposal_id
) v ON v.proposal_id = p.feedback_id
LEFT JOIN (
  SELECT proposal_id, count(*) AS n FROM comments
  WHERE proposal_id IS NOT NULL AND deleted_at IS NULL AND hidden_at IS NULL GROUP BY proposal_id
) c ON c.proposal_id = p.feedback_id;--> statement-breakpoint
INSERT INTO proposal_group_votes (proposal_id, group_id, votes_for, votes_against, votes_abstain)
SELECT proposal_id, group_id, count(*) FILTER (WHERE choice = 'for'), count(*) FILTER (WHERE choice = 'against'), count(*) FILTER (WHERE choice = 'abstain')
FROM votes GROUP BY proposal_id, group_id;
