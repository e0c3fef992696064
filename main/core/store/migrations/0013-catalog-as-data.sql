-- The catalog is the office's data (issue 14): the shipped catalog is its first version, and an
-- office adds, renames and retires indicators, aliases and relations, each change on the audit log.
-- origin 'shipped' rows follow resources/catalog at each start; 'office' rows are the office's own.
ALTER TABLE indicators ADD COLUMN origin TEXT NOT NULL DEFAULT 'shipped' CHECK (origin IN ('shipped', 'office'));
ALTER TABLE indicators ADD COLUMN retired_at TEXT;
ALTER TABLE indicator_groups ADD COLUMN origin TEXT NOT NULL DEFAULT 'shipped' CHECK (origin IN ('shipped', 'office'));
ALTER TABLE indicator_aliases ADD COLUMN origin TEXT NOT NULL DEFAULT 'shipped' CHECK (origin IN ('shipped', 'office'));

-- A relation between indicators (trong đó, exact sum, "such as" list, rate of two flows, yearly plan), as the JSON the rules take.
CREATE TABLE indicator_relations (
  id INTEGER PRIMARY KEY,
  spec TEXT NOT NULL CHECK (json_valid(spec)),
  origin TEXT NOT NULL DEFAULT 'shipped' CHECK (origin IN ('shipped', 'office')),
  retired_at TEXT
) STRICT;
