-- Cells a file could not give a figure for although the rest of it was read (issue 14): a formula
-- saved without its cached result. Each is shown as an error flag naming the cell and the formula,
-- instead of the whole file being refused.
CREATE TABLE cell_errors (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id),
  sheet TEXT NOT NULL,
  cell TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('formula-no-cache')),
  formula TEXT NOT NULL,
  label TEXT
) STRICT;
CREATE INDEX cell_errors_file ON cell_errors(file_id);
