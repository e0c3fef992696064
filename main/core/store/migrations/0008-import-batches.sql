-- Every batch a person started and every path in it with its outcome, for the import history:
-- a file refused, a duplicate, a path that was not there, all kept beside the ones that went in.
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  user TEXT,
  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))
) STRICT;

CREATE TABLE import_batch_files (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id),
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT,
  status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'rejected')),
  error_code TEXT,
  error_message TEXT,
  figures INTEGER NOT NULL DEFAULT 0,
  unit TEXT,
  PRIMARY KEY (batch_id, seq)
) STRICT;
