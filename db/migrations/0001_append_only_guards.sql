-- Section revisions are immutable and the audit log is append-only: refuse changes in the database
-- itself, so no code path (or a later migration's data fix) can rewrite history by accident.
CREATE FUNCTION planwerk_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER section_revisions_immutable BEFORE UPDATE ON section_revisions
  FOR EACH ROW EXECUTE FUNCTION planwerk_refuse_change();--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION planwerk_refuse_change();
