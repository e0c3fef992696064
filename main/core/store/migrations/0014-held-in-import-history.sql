-- The import history records a held file (another province's return, or one for an approved,
-- locked period) as held: the status list of 0008 did not know that outcome, and a held import
-- failed on it. SQLite cannot change a CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE import_batch_files_new (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT,
  status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'rejected', 'held')),
  error_code TEXT,
  error_message TEXT,
  figures INTEGER NOT NULL DEFAULT 0,
  unit TEXT,
  PRIMARY KEY (batch_id, seq)
) STRICT;
INSERT INTO import_batch_files_new SELECT * FROM import_batch_files;
DROP TABLE import_batch_files;
ALTER TABLE import_batch_files_new RENAME TO import_batch_files;
