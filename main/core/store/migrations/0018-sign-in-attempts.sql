-- Sign-in throttling (issue 19, follow-up). Every sign-in attempt by login, so that after five wrong
-- passwords for one login within 15 minutes further attempts are refused for a while, at every
-- desk of a shared store (a counter in one process's memory would let an attacker walk from desk
-- to desk, and would forget at each restart). A separate table, not the audit log: failed
-- attempts are not decisions, the audit chain would fill with noise, and this table may be pruned.
-- login: as typed (trimmed, lower-case), whether or not an account has it, so the refusal never
-- tells whether the login exists. outcome: 'failed' (a wrong password, an unknown or deactivated
-- login), 'refused' (not tried: the login was throttled), 'succeeded' (which ends the count).
-- The quản trị sees the failures on Tài khoản. Rows older than 90 days are pruned as new ones come.
CREATE TABLE sign_in_attempts (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
  at TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('failed', 'refused', 'succeeded'))
) STRICT;
CREATE INDEX sign_in_attempts_by_login ON sign_in_attempts (login, id);
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (at);
