-- Each unit name without diacritics, as typed returns often write it ("DIEN CHAU"), kept and indexed:
-- a return's unit is looked up by name in the store, not found in the whole country's registry
-- loaded into memory at every start (15,294 units, a tenth of a small import's time). Filled by the
-- code that writes the names (store/queries/units.ts), and for rows from before at the store's opening.
ALTER TABLE unit_names ADD COLUMN ascii TEXT;
CREATE INDEX unit_names_ascii ON unit_names(ascii);
-- A district's communes, looked up by their parent.
CREATE INDEX units_parent ON units(parent_code, province_code);
