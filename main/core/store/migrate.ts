/**
 * Numbered migrations (migrations/NNNN-name.sql), each applied once inside a transaction.
 * A database whose applied migrations are not a prefix of the known ones was written by another
 * version of the app: refuse it rather than guess (Actual's out-of-sync-migrations).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './db';

export interface Migration { id: number; name: string; sql: string }

import { SOURCE_MIGRATIONS_DIR } from '../source-dirs';
import { chainExistingAudit } from './queries/audit';
import { structureLegacyAudit } from './queries/audit-legacy';

/** What a migration needs done in code, in its own transaction, by its name without the number (SQLite has no SHA-256). */
const AFTER: Record<string, (db: Database) => void> = {
  'decisions-and-audit-chain': (db) => {
    structureLegacyAudit(db);
    chainExistingAudit(db, new Date().toISOString());
  },
};

/** `dir`: the source tree's by default; the shell gives its own where the code runs bundled. */
export function knownMigrations(dir = SOURCE_MIGRATIONS_DIR): Migration[] {
  return fs.readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: Number(f.slice(0, 4)), name: f.replace(/\.sql$/, ''), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

/** Read first, created only where missing: a shared store's desks may read the schema but not create in it. */
function appliedMigrations(db: Database): { id: number; name: string }[] {
  try {
    return db.prepare('SELECT id, name FROM migrations ORDER BY id').all() as { id: number; name: string }[];
  } catch (err) {
    if (!/no such table|does not exist/.test((err as Error).message)) throw err;
    db.exec('CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    return [];
  }
}

export function migrate(db: Database, migrations = knownMigrations(), upTo = Infinity): number[] {
  const applied = appliedMigrations(db);
  applied.forEach((a, i) => {
    if (migrations[i]?.name !== a.name) {
      throw new Error(`Cơ sở dữ liệu do phiên bản khác của Tổng Hợp tạo (bước nâng cấp ${a.name} không khớp); không mở để tránh hỏng dữ liệu.`);
    }
  });
  const done: number[] = [];
  for (const m of migrations.slice(applied.length)) {
    if (m.id > upTo) break;
    db.transaction(() => {
      db.exec(m.sql);
      AFTER[m.name.slice(5)]?.(db);
      db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, new Date().toISOString());
    })();
    done.push(m.id);
  }
  return done;
}
