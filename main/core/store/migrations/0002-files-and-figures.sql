-- Every file the clerk imports, kept whether it went in or was refused, so a failure is on record.
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  path TEXT NOT NULL,
  size INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  imported_by TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'rejected')),
  error_code TEXT,
  error_message TEXT,
  error_sheet TEXT,
  error_cell TEXT,
  unit_id INTEGER REFERENCES units(id),
  layout TEXT,
  warnings TEXT NOT NULL DEFAULT '[]',
  superseded_by INTEGER REFERENCES files(id)
) STRICT;
-- The same bytes go in once.
CREATE UNIQUE INDEX files_sha256_imported ON files(sha256) WHERE outcome = 'imported';

CREATE TABLE file_periods (
  file_id INTEGER NOT NULL REFERENCES files(id),
  period TEXT NOT NULL,
  PRIMARY KEY (file_id, period)
) STRICT;

-- role: 'value' (the unit's figure), 'subunit' (a commune row), 'total' (a total row or column
-- that repeats figures stored elsewhere in the file: kept to check them, not counted twice).
CREATE TABLE figures (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id),
  unit_id INTEGER NOT NULL REFERENCES units(id),
  subunit TEXT,
  period TEXT NOT NULL,
  indicator TEXT NOT NULL REFERENCES indicators(code),
  measure TEXT NOT NULL CHECK (measure IN ('period', 'ytd')),
  role TEXT NOT NULL CHECK (role IN ('value', 'subunit', 'total')),
  value REAL NOT NULL,
  raw TEXT NOT NULL,
  typed_unit TEXT,
  approx INTEGER NOT NULL DEFAULT 0,
  label TEXT NOT NULL,
  sheet TEXT NOT NULL,
  cell TEXT NOT NULL
) STRICT;
CREATE INDEX figures_lookup ON figures(unit_id, period, indicator, measure);
CREATE INDEX figures_file ON figures(file_id);

-- Rows whose label matched no indicator: their cells wait here until a person maps the label.
CREATE TABLE unmapped_rows (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id),
  label TEXT NOT NULL,
  folded TEXT NOT NULL,
  sheet TEXT NOT NULL,
  cell TEXT NOT NULL,
  typed_unit TEXT,
  suggestions TEXT NOT NULL DEFAULT '[]',
  cells TEXT NOT NULL,
  resolved_at TEXT
) STRICT;
CREATE INDEX unmapped_rows_folded ON unmapped_rows(folded);

-- Labels a person confirmed: used for every later import.
CREATE TABLE label_mappings (
  folded TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  indicator TEXT NOT NULL REFERENCES indicators(code),
  confirmed_by TEXT NOT NULL,
  confirmed_at TEXT NOT NULL
) STRICT;
