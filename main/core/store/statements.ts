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

/** Rows per INSERT where an engine has no bulk path: SQLite binds many rows a call for a fifth less time. */
const ROWS_PER_INSERT = 32;

/**
 * `rows` into `table`: COPY on PostgreSQL (a figure's three references are checked once per
 * statement there, migration 0019-bulk-writes), many rows an INSERT on SQLite. `changes` is read lazily: on
 * PostgreSQL inside a transaction reading it waits for the server.
 */
export function insertRows(db: Database, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): { readonly changes: number } {
  if (rows.length === 0) return { changes: 0 };
  if (db.copyRows) return db.copyRows(table, columns, rows);
  const insertOf = (n: number) => `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${valuesOf(n, columns.length)}`;
  let changes = 0;
  let i = 0;
  for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) changes += stmt(db, insertOf(ROWS_PER_INSERT)).run(rows.slice(i, i + ROWS_PER_INSERT).flat()).changes;
  if (i < rows.length) changes += stmt(db, insertOf(rows.length - i)).run(rows.slice(i).flat()).changes;
  return { changes };
}
