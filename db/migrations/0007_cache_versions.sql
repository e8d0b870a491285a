ALTER TABLE "editions" ADD COLUMN "outline_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sections" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Cache stamps. The section page caches what all its readers share (the text, the outline, the
-- comment thread's pages) keyed by sections.version and editions.outline_version. These triggers
-- bump them in the transaction of every write that changes what a reader sees, whichever code
-- (or person at a SQL prompt) writes, so each app instance sees the change at its next request.
CREATE FUNCTION comments_bump_section_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NEW.section_id IS NOT NULL THEN
    UPDATE sections SET version = version + 1 WHERE id = NEW.section_id;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.section_id IS NOT NULL AND (TG_OP = 'DELETE' OR OLD.section_id IS DISTINCT FROM NEW.section_id) THEN
    UPDATE sections SET version = version + 1 WHERE id = OLD.section_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER comments_bump_section_version AFTER INSERT OR UPDATE OR DELETE ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_bump_section_version();--> statement-breakpoint
CREATE FUNCTION section_revisions_bump_section_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sections SET version = version + 1 WHERE id = NEW.section_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER section_revisions_bump_section_version AFTER INSERT ON section_revisions
  FOR EACH ROW EXECUTE FUNCTION section_revisions_bump_section_version();--> statement-breakpoint
-- A comment's author, group and organisation as shown (anonymisation sets the author to null).
CREATE FUNCTION feedback_bump_section_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sections SET version = version + 1 WHERE id = (SELECT c.section_id FROM comments c WHERE c.feedback_id = NEW.id);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER feedback_bump_section_version AFTER UPDATE ON feedback
  FOR EACH ROW WHEN (NEW.kind = 'comment') EXECUTE FUNCTION feedback_bump_section_version();--> statement-breakpoint
-- What a thread shows of its authors: name and display mode (appearance), language (lang=).
CREATE FUNCTION users_bump_section_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sections SET version = version + 1 WHERE id IN (
    SELECT c.section_id FROM comments c JOIN feedback f ON f.id = c.feedback_id WHERE f.author_id = NEW.id AND c.section_id IS NOT NULL);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER users_bump_section_versions AFTER UPDATE ON users
  FOR EACH ROW WHEN ((OLD.name, OLD.display_mode, OLD.locale) IS DISTINCT FROM (NEW.name, NEW.display_mode, NEW.locale))
  EXECUTE FUNCTION users_bump_section_versions();--> statement-breakpoint
CREATE FUNCTION organisations_bump_section_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sections SET version = version + 1 WHERE id IN (
    SELECT c.section_id FROM comments c JOIN feedback f ON f.id = c.feedback_id WHERE f.organisation_id = NEW.id AND c.section_id IS NOT NULL);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organisations_bump_section_versions AFTER UPDATE ON organisations
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organisations_bump_section_versions();--> statement-breakpoint
CREATE FUNCTION stakeholder_groups_bump_section_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sections SET version = version + 1 WHERE id IN (
    SELECT c.section_id FROM comments c JOIN feedback f ON f.id = c.feedback_id WHERE f.group_id = NEW.id AND c.section_id IS NOT NULL);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER stakeholder_groups_bump_section_versions AFTER UPDATE ON stakeholder_groups
  FOR EACH ROW WHEN ((OLD.name_de, OLD.name_en) IS DISTINCT FROM (NEW.name_de, NEW.name_en))
  EXECUTE FUNCTION stakeholder_groups_bump_section_versions();--> statement-breakpoint
-- The outline: chapters and sections added, removed, renamed or moved.
CREATE FUNCTION bump_outline_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    UPDATE editions SET outline_version = outline_version + 1 WHERE id = NEW.edition_id;
  END IF;
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.edition_id IS DISTINCT FROM NEW.edition_id) THEN
    UPDATE editions SET outline_version = outline_version + 1 WHERE id = OLD.edition_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER chapters_bump_outline_version AFTER INSERT OR UPDATE OR DELETE ON chapters
  FOR EACH ROW EXECUTE FUNCTION bump_outline_version();--> statement-breakpoint
CREATE TRIGGER sections_bump_outline_version AFTER INSERT OR DELETE ON sections
  FOR EACH ROW EXECUTE FUNCTION bump_outline_version();--> statement-breakpoint
-- Not on the section's own version bump: only what the outline shows.
CREATE TRIGGER sections_moved_bump_outline_version AFTER UPDATE ON sections
  FOR EACH ROW WHEN ((OLD.edition_id, OLD.chapter_id, OLD.key, OLD.position, OLD.title) IS DISTINCT FROM (NEW.edition_id, NEW.chapter_id, NEW.key, NEW.position, NEW.title))
  EXECUTE FUNCTION bump_outline_version();
