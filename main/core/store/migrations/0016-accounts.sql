-- Issue 19, part 3 (people and roles). With a store shared by several people, each signs in and
-- holds roles; the contract checks the role of every call and the audit log records the person
-- signed in. A store without an active account (the single-PC default) needs no sign-in.
-- The password is never stored: password_hash holds "scrypt$N$r$p$salt$hash" (node:crypto's
-- scrypt, salt and hash in base64), so the cost can be raised later without a migration.
-- roles: the role codes held, comma-separated ('nhap-lieu,kiem-tra'); the TS reads and writes it.
-- A person who leaves is deactivated, never deleted: the audit log names them.
-- Every change (create, roles, password reset, deactivation) is an entry on the audit chain.
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
  full_name TEXT NOT NULL CHECK (length(full_name) > 0),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  roles TEXT NOT NULL CHECK (length(roles) > 0),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
