-- A figure names its file, unit and indicator. A row-level foreign key checks each with a lookup and
-- a row lock per figure: three per row, most of the time a year's million figures took to store.
-- The same rule is held once per statement over the rows it wrote (figures arrive by COPY, a file's
-- worth at a time), and on the other side a file, unit or indicator that figures name cannot be
-- deleted or renumbered. Write transactions are serialised by the store's advisory lock, so no
-- other desk can remove a parent between the check and the commit.
ALTER TABLE figures DROP CONSTRAINT figures_file_id_fkey, DROP CONSTRAINT figures_unit_id_fkey, DROP CONSTRAINT figures_indicator_fkey;

CREATE FUNCTION tonghop_figures_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad TEXT;
BEGIN
  SELECT 'file_id=' || n.file_id INTO bad FROM written n WHERE NOT EXISTS (SELECT 1 FROM files p WHERE p.id = n.file_id) LIMIT 1;
  IF bad IS NULL THEN
    SELECT 'unit_id=' || n.unit_id INTO bad FROM written n WHERE NOT EXISTS (SELECT 1 FROM units p WHERE p.id = n.unit_id) LIMIT 1;
  END IF;
  IF bad IS NULL THEN
    SELECT 'indicator=' || n.indicator INTO bad FROM written n WHERE NOT EXISTS (SELECT 1 FROM indicators p WHERE p.code = n.indicator) LIMIT 1;
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'Số liệu trỏ tới mục không có (%)', bad USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER figures_references_insert AFTER INSERT ON figures REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION tonghop_figures_references();
CREATE TRIGGER figures_references_update AFTER UPDATE ON figures REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION tonghop_figures_references();

-- TG_ARGV[0]: the figures column that names the parent's key.
CREATE FUNCTION tonghop_figures_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE named BOOLEAN;
BEGIN
  IF TG_ARGV[0] = 'file_id' THEN named := EXISTS (SELECT 1 FROM figures WHERE file_id = OLD.id);
  ELSIF TG_ARGV[0] = 'unit_id' THEN named := EXISTS (SELECT 1 FROM figures WHERE unit_id = OLD.id);
  ELSE named := EXISTS (SELECT 1 FROM figures WHERE indicator = OLD.code);
  END IF;
  IF named THEN
    RAISE EXCEPTION 'Còn số liệu trỏ tới % này (%)', TG_TABLE_NAME, TG_ARGV[0] USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER files_figures_delete BEFORE DELETE ON files FOR EACH ROW EXECUTE FUNCTION tonghop_figures_parent('file_id');
CREATE TRIGGER files_figures_update BEFORE UPDATE OF id ON files FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION tonghop_figures_parent('file_id');
CREATE TRIGGER units_figures_delete BEFORE DELETE ON units FOR EACH ROW EXECUTE FUNCTION tonghop_figures_parent('unit_id');
CREATE TRIGGER units_figures_update BEFORE UPDATE OF id ON units FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION tonghop_figures_parent('unit_id');
CREATE TRIGGER indicators_figures_delete BEFORE DELETE ON indicators FOR EACH ROW EXECUTE FUNCTION tonghop_figures_parent('indicator');
CREATE TRIGGER indicators_figures_update BEFORE UPDATE OF code ON indicators FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION tonghop_figures_parent('indicator');

-- A store copied in (copy-store) arrives in batches, a file before the later file that superseded
-- it and an indicator perhaps before its parent: these two references are checked at commit there.
ALTER TABLE files ALTER CONSTRAINT files_superseded_by_fkey DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE indicators ALTER CONSTRAINT indicators_parent_code_fkey DEFERRABLE INITIALLY IMMEDIATE;
