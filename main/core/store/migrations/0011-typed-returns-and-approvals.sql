-- Where a return came from: a file ('file'), or figures a clerk typed from paper, a phone call, a
-- fax or an official letter, with its reference ("CV số 12/CAH"). A typed return is a files row
-- without bytes, so rules, effective values and the export treat its figures like any other.
ALTER TABLE files ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'file' CHECK (source_kind IN ('file', 'paper', 'phone', 'fax', 'letter'));
ALTER TABLE files ADD COLUMN source_ref TEXT;
-- 1 while a return for an approved (locked) period waits for a reviewer to take it in: stored,
-- on record, but it changes no figure until then.
ALTER TABLE files ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1));
-- A typed return is found again by its unit, period, source and reference, to add figures to it.
CREATE INDEX files_typed ON files(unit_id, source_kind, source_ref) WHERE source_kind <> 'file';

-- A reviewer's sign-off of a unit's period (unit_code) or the province's (unit_code NULL), and its
-- undoing. The latest row for a unit and period says whether it is locked. Append-only.
CREATE TABLE approvals (
  id INTEGER PRIMARY KEY,
  unit_code TEXT,
  period TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('approve', 'unlock')),
  user TEXT NOT NULL CHECK (length(user) > 0),
  at TEXT NOT NULL,
  reason TEXT,
  -- Open flags at the time: an approval over open flags needs a reason, an unlock always does.
  open_flags INTEGER NOT NULL DEFAULT 0,
  -- coalesce: a CHECK that comes out NULL (length of a NULL reason) would pass.
  CHECK (action = 'approve' AND (open_flags = 0 OR coalesce(length(reason), 0) > 0) OR action = 'unlock' AND coalesce(length(reason), 0) > 0)
) STRICT;
CREATE INDEX approvals_period ON approvals(period, unit_code);

CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'Phê duyệt chỉ được ghi thêm, không được sửa'); END;

CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'Phê duyệt chỉ được ghi thêm, không được xóa'); END;

-- When a period's returns are due, per kind of period: the day of the period's last month plus
-- months_after. Rows here override the defaults in code (Circular 13/2022/TT-BCA: before the 16th).
CREATE TABLE deadlines (
  period_type TEXT PRIMARY KEY CHECK (period_type IN ('month', 'quarter', 'half', 'nine-months', 'year')),
  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  months_after INTEGER NOT NULL DEFAULT 0 CHECK (months_after BETWEEN 0 AND 12),
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL
) STRICT;
