-- Units with validity: a code alone does not name a unit across the 2024-2025 reforms, a code plus a date does.
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  parent_code TEXT,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  source TEXT NOT NULL,
  UNIQUE (code, valid_from)
) STRICT;

CREATE TABLE unit_successors (
  unit_id INTEGER NOT NULL REFERENCES units(id),
  successor_id INTEGER NOT NULL REFERENCES units(id),
  PRIMARY KEY (unit_id, successor_id)
) STRICT;

-- Names people write for a unit ("H. Diễn Châu", "DIEN CHAU"), beside the official one.
CREATE TABLE unit_names (
  unit_id INTEGER NOT NULL REFERENCES units(id),
  name TEXT NOT NULL,
  folded TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('official', 'alias', 'confirmed')),
  PRIMARY KEY (unit_id, folded)
) STRICT;
CREATE INDEX unit_names_folded ON unit_names(folded);

CREATE TABLE indicator_groups (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;

CREATE TABLE indicators (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('flow', 'stock', 'plan', 'rate')),
  group_code TEXT NOT NULL REFERENCES indicator_groups(code),
  parent_code TEXT REFERENCES indicators(code),
  decimals INTEGER NOT NULL DEFAULT 0,
  sort INTEGER NOT NULL
) STRICT;

CREATE TABLE indicator_aliases (
  indicator_code TEXT NOT NULL REFERENCES indicators(code),
  alias TEXT NOT NULL,
  PRIMARY KEY (indicator_code, alias)
) STRICT;
