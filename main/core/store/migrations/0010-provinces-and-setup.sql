-- The registry holds every province: each unit carries its province, so that a name is looked up
-- within the office's province, and a return from another province is told apart.
ALTER TABLE units ADD COLUMN province_code TEXT;
-- Stores made before this step held Nghệ An's units only.
UPDATE units SET province_code = '40';
CREATE INDEX units_province ON units(province_code, level);

-- A commune row's registry code beside its name as written (null where the name fits no commune, or several).
ALTER TABLE figures ADD COLUMN subunit_code TEXT;

-- The office's own settings (its province, how its documents are headed) and the registry version
-- the units were seeded from. Values are JSON; every change of the set-up is on the audit log.
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- An existing store is Nghệ An's: the only province the app knew before.
INSERT INTO settings (key, value)
  SELECT 'setup', '{"province":"40","migrated":true}' WHERE EXISTS (SELECT 1 FROM files);
