/**
 * A stamp that moves when another connection commits to the store: another desk on a shared
 * PostgreSQL store (LISTEN/NOTIFY, counted by the connection's thread), or on SQLite another
 * process or the check thread (`data_version`). A screen compares stamps to know when to read again.
 */
import type { Database } from '../db';
import { sqliteOf } from '../open-db';
import { PgDatabase } from '../postgres/pg-database';

export function changeStamp(db: Database): number {
  if (db instanceof PgDatabase) return db.changes();
  return sqliteOf(db)?.pragma('data_version', { simple: true }) as number;
}
