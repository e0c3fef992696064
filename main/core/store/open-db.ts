/** Opens (and creates) the store: WAL so readers never wait, foreign keys on, migrations applied. */
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { knownMigrations, migrate } from './migrate';

export type { Database };

export interface OpenOptions { readonly?: boolean; upTo?: number; /** The source tree's by default. */ migrationsDir?: string }

export function openDb(file: string, opts: OpenOptions = {}): Database {
  const db = new Sqlite(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db, knownMigrations(opts.migrationsDir), opts.upTo);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
