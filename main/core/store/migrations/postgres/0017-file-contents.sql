-- PostgreSQL's 0017 (see ../0017-file-contents.sql for what the table is for): the same table, the
-- bytes as BYTEA (kept out of line by TOAST, so reading the other columns never reads them).
CREATE TABLE file_contents (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size BIGINT NOT NULL CHECK (size = octet_length(bytes)),
  bytes BYTEA NOT NULL,
  stored_at TEXT NOT NULL
);
