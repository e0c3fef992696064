-- Issue 17 (the reviewer's screens). A file in an imported folder that is no spreadsheet at all (a
-- cover letter .docx, a .pdf, a .txt) is not a refused return: the import history records it as
-- skipped. SQLite cannot change a CHECK in place, so the table is rebuilt with its rows (as 0014).
CREATE TABLE import_batch_files_new (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT,
  status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'rejected', 'held', 'skipped')),
  error_code TEXT,
  error_message TEXT,
  figures INTEGER NOT NULL DEFAULT 0,
  unit TEXT,
  PRIMARY KEY (batch_id, seq)
) STRICT;
INSERT INTO import_batch_files_new SELECT * FROM import_batch_files;
DROP TABLE import_batch_files;
ALTER TABLE import_batch_files_new RENAME TO import_batch_files;

-- The flags a batch raised (open after its check, not there before it), so the import summary and
-- the history can open the flag queue on them. Flag ids are stable across checks (a hash of what
-- the flag is about), so the link keeps working after later checks rebuild the flags table.
CREATE TABLE batch_flags (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  flag_id TEXT NOT NULL,
  PRIMARY KEY (batch_id, flag_id)
) STRICT;
