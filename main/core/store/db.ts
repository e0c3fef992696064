/**
 * What the query functions need of a store connection: the part of better-sqlite3's Database they
 * use, which the PostgreSQL engine (postgres/pg-database.ts) also implements. Typed here so that a
 * query reaching for anything else (a SQLite-only method) fails to compile rather than at a desk.
 */
export interface RunResult { changes: number; lastInsertRowid: number | bigint }

export interface Statement {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  /** Rows as their first column's value (better-sqlite3's pluck), kept on the statement. */
  pluck(on?: boolean): this;
  /** Rows as arrays of values. */
  raw(on?: boolean): this;
}

/** `immediate`: takes the write lock at once (two reviewers on one flag: the second waits, then sees the first's decision). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as better-sqlite3 types it
export interface Transaction<F extends (...args: any[]) => any> {
  (...params: Args<F>): ReturnType<F>;
  immediate(...params: Args<F>): ReturnType<F>;
}
type Args<F> = F extends (...args: infer A) => unknown ? A : never;

export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): this;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as better-sqlite3 types it
  transaction<F extends (...args: any[]) => any>(fn: F): Transaction<F>;
  close(): this;
  /**
   * Many rows into one table at once (PostgreSQL's COPY), where the engine has such a path; the
   * count is fetched when read. Call it through store/statements.ts insertRows, which falls back
   * to many-rows INSERTs.
   */
  copyRows?(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): { readonly changes: number };
}

/** Which engine a store address names: a `postgres://` URL, else a SQLite file (or `:memory:`). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** A store's address as it may be shown or logged: a server's password left out. */
export function shownStore(target: string): string {
  return isPostgresUrl(target) ? target.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@') : target;
}
