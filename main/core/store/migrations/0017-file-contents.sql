-- Issue 19 (a reviewer must sit at the clerk's computer). The source cell around a figure is shown
-- by reading the imported file again. A SQLite store keeps a copy of each file beside it
-- (tep-da-nhap/); a shared PostgreSQL store has no folder every desk can reach, so it keeps the
-- bytes of each imported file here, written in the transaction that stores the file's figures.
-- One row per content (sha256 of the bytes, as files.sha256): a file sent twice is kept once.
-- A SQLite store leaves the table empty (its copies are on disk, and its file stays small), but has
-- it so that a copy of a PostgreSQL store (its backup, copy-store) keeps the bytes.
CREATE TABLE file_contents (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size = length(bytes)),
  bytes BLOB NOT NULL,
  stored_at TEXT NOT NULL
) STRICT;
