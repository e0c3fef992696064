/** Prepared statements, one per database and SQL text: preparing costs more than running. */
import type { Database, Statement } from './db';

const cache = new WeakMap<Database, Map<string, Statement>>();

export function stmt(db: Database, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

/** `(?, ?, ...), (?, ?, ...)`: the VALUES of an INSERT of `rows` rows of `cols` columns (many rows a statement: a shared store pays a round trip per statement). */
export function valuesOf(rows: number, cols: number): string {
  const row = `(${Array<string>(cols).fill('?').join(', ')})`;
  return Array<string>(rows).fill(row).join(', ');
}
