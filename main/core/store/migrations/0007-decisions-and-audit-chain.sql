-- Decisions are data: rows that are added, never edited or removed (UPDATE, DELETE and REPLACE are
-- refused by the triggers below; REPLACE deletes the old row without firing delete triggers, so an
-- INSERT over an existing id is refused before it can). Each decision row is hashed into its audit
-- entry, and the audit log is a hash chain (audit_chain): `audit --verify` finds what was changed by
-- someone who dropped the triggers.

-- A reviewer's choice of which submission stands for a unit and period: `file_id` stands, the other
-- files of `files` (a JSON array of file ids, the chosen one among them) do not. The latest choice
-- naming a file decides for it (main/core/store/queries/effective-figures.ts).
CREATE TABLE submission_choices (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  period TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files(id),
  files TEXT NOT NULL,
  flag_id TEXT,
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;
CREATE INDEX submission_choices_unit ON submission_choices(unit_id, period);

-- A resolved flag opened again, with why: the resolution it undoes stays on record.
CREATE TABLE flag_reopenings (
  id INTEGER PRIMARY KEY,
  resolution_id INTEGER NOT NULL REFERENCES resolutions(id),
  flag_id TEXT NOT NULL,
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;
CREATE INDEX flag_reopenings_resolution ON flag_reopenings(resolution_id);

-- A person naming the unit of a file the app could not place: the file then imported as `file_id`.
CREATE TABLE unit_assignments (
  id INTEGER PRIMARY KEY,
  rejected_file_id INTEGER NOT NULL REFERENCES files(id),
  file_id INTEGER REFERENCES files(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  remembered_name TEXT,
  user TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

-- What the flag looked like when it was decided (JSON: rule, severity, unit, period, figures,
-- message...): a flag a correction or a choice made go away is still shown, resolved, from this.
ALTER TABLE resolutions ADD COLUMN flag TEXT;

-- Label mappings become decisions too: one row per confirmation, the latest per label in use.
CREATE TABLE label_mappings_v2 (
  id INTEGER PRIMARY KEY,
  folded TEXT NOT NULL,
  label TEXT NOT NULL,
  indicator TEXT NOT NULL REFERENCES indicators(code),
  confirmed_by TEXT NOT NULL,
  confirmed_at TEXT NOT NULL
) STRICT;
INSERT INTO label_mappings_v2 (folded, label, indicator, confirmed_by, confirmed_at)
  SELECT folded, label, indicator, confirmed_by, confirmed_at FROM label_mappings ORDER BY confirmed_at, folded;
DROP TABLE label_mappings;
ALTER TABLE label_mappings_v2 RENAME TO label_mappings;
CREATE INDEX label_mappings_folded ON label_mappings(folded, id);

-- Structured fields of an audit entry: what it is about, by ids, so nothing reads its prose.
ALTER TABLE audit_log ADD COLUMN unit TEXT;
ALTER TABLE audit_log ADD COLUMN period TEXT;
ALTER TABLE audit_log ADD COLUMN flag_id TEXT;
ALTER TABLE audit_log ADD COLUMN file_id INTEGER;
ALTER TABLE audit_log ADD COLUMN indicator TEXT;
ALTER TABLE audit_log ADD COLUMN detail TEXT;
-- The decision row this entry records (table and id), whose content is hashed into the entry.
ALTER TABLE audit_log ADD COLUMN decision_table TEXT;
ALTER TABLE audit_log ADD COLUMN decision_id INTEGER;
-- Further rows the same decision wrote (a correction's resolution of its flag), as JSON [[table, id], ...].
ALTER TABLE audit_log ADD COLUMN decision_also TEXT;

-- The chain: entry_id's SHA-256 over the previous entry's hash and its own canonical content.
-- Apart from audit_log so that entries written before it are chained by INSERT, not by UPDATE.
CREATE TABLE audit_chain (
  entry_id INTEGER PRIMARY KEY REFERENCES audit_log(id),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- Choices made before this migration were UPDATEs of files.superseded_by, whose effect stays there;
-- they become rows here for the trail (the old entries' target was "unit period", read once, here).
INSERT INTO submission_choices (unit_id, period, file_id, files, flag_id, user, at, reason)
  SELECT u.id, substr(a.target, instr(a.target, ' ') + 1), f.id, json_array(f.id), NULL, a.user, a.at, coalesce(nullif(a.reason, ''), '—')
  FROM audit_log a
  JOIN units u ON u.id = (SELECT id FROM units WHERE code = substr(a.target, 1, instr(a.target, ' ') - 1) ORDER BY valid_from DESC LIMIT 1)
  JOIN files f ON f.id = (SELECT id FROM files WHERE name = a.new_value AND outcome = 'imported' ORDER BY id DESC LIMIT 1)
  WHERE a.action = 'choose-submission' ORDER BY a.id;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Nhật ký chỉ được ghi thêm, không được ghi đè'); END;
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'Chuỗi nhật ký không được sửa'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'Chuỗi nhật ký không được xóa'); END;
CREATE TRIGGER audit_chain_no_replace BEFORE INSERT ON audit_chain WHEN EXISTS (SELECT 1 FROM audit_chain WHERE entry_id = NEW.entry_id)
BEGIN SELECT RAISE(ABORT, 'Chuỗi nhật ký không được ghi đè'); END;

CREATE TRIGGER resolutions_no_update BEFORE UPDATE ON resolutions
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được sửa'); END;
CREATE TRIGGER resolutions_no_delete BEFORE DELETE ON resolutions
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được xóa'); END;
CREATE TRIGGER resolutions_no_replace BEFORE INSERT ON resolutions WHEN EXISTS (SELECT 1 FROM resolutions WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được ghi đè'); END;

CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được sửa'); END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được xóa'); END;
CREATE TRIGGER corrections_no_replace BEFORE INSERT ON corrections WHEN EXISTS (SELECT 1 FROM corrections WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được ghi đè'); END;

CREATE TRIGGER submission_choices_no_update BEFORE UPDATE ON submission_choices
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được sửa'); END;
CREATE TRIGGER submission_choices_no_delete BEFORE DELETE ON submission_choices
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được xóa'); END;
CREATE TRIGGER submission_choices_no_replace BEFORE INSERT ON submission_choices WHEN EXISTS (SELECT 1 FROM submission_choices WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được ghi đè'); END;

CREATE TRIGGER flag_reopenings_no_update BEFORE UPDATE ON flag_reopenings
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được sửa'); END;
CREATE TRIGGER flag_reopenings_no_delete BEFORE DELETE ON flag_reopenings
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được xóa'); END;
CREATE TRIGGER flag_reopenings_no_replace BEFORE INSERT ON flag_reopenings WHEN EXISTS (SELECT 1 FROM flag_reopenings WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được ghi đè'); END;

CREATE TRIGGER unit_assignments_no_update BEFORE UPDATE ON unit_assignments
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được sửa'); END;
CREATE TRIGGER unit_assignments_no_delete BEFORE DELETE ON unit_assignments
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được xóa'); END;
CREATE TRIGGER unit_assignments_no_replace BEFORE INSERT ON unit_assignments WHEN EXISTS (SELECT 1 FROM unit_assignments WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được ghi đè'); END;

CREATE TRIGGER label_mappings_no_update BEFORE UPDATE ON label_mappings
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được sửa'); END;
CREATE TRIGGER label_mappings_no_delete BEFORE DELETE ON label_mappings
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được xóa'); END;
CREATE TRIGGER label_mappings_no_replace BEFORE INSERT ON label_mappings WHEN EXISTS (SELECT 1 FROM label_mappings WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'Quyết định đã ghi không được ghi đè'); END;

-- Which units hold stored returns not yet checked: written in the file's own transaction, cleared
-- in the check's, so a kill between the two is repaired by the next start or import.
CREATE TABLE pending_checks (
  unit_id INTEGER PRIMARY KEY REFERENCES units(id)
) STRICT;
