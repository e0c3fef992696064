-- A reviewer's decision, a source-cell preview and a unit assignment find their file by its name;
-- each imported file looks for the earlier files of its unit that it supersedes. Without these
-- indexes the first read every file row (and a figure lookup by file name, sheet and cell read
-- every figure: 0.12 s per correction in a store of a million figures), and the second made an
-- import slower with every file already in the store.
CREATE INDEX files_name ON files(name);
CREATE INDEX files_unit ON files(unit_id);
