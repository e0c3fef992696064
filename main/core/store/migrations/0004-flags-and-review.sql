-- Flags as last computed: rebuilt by every check, so nothing here is a decision.
CREATE TABLE flags (
  id TEXT PRIMARY KEY,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  periods TEXT NOT NULL,
  indicators TEXT NOT NULL,
  figures TEXT NOT NULL,
  message TEXT NOT NULL,
  expected_low REAL,
  expected_high REAL,
  signature TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;
CREATE INDEX flags_rule ON flags(rule);
CREATE INDEX flags_unit_period ON flags(unit, period);

-- A reviewer's decision on a flag, valid while the flag's figures keep the signature they had.
CREATE TABLE resolutions (
  id INTEGER PRIMARY KEY,
  flag_id TEXT NOT NULL,
  signature TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('accept', 'correct', 'choose')),
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;
CREATE INDEX resolutions_flag ON resolutions(flag_id, signature);

-- A person's value for one figure; the figure as read stays as it was, the latest correction wins.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  figure_id INTEGER NOT NULL REFERENCES figures(id),
  value REAL NOT NULL,
  old_value REAL NOT NULL,
  user TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(reason) > 0),
  flag_id TEXT
) STRICT;
CREATE INDEX corrections_figure ON corrections(figure_id);
