/** Opens (and creates) the store: WAL so readers never wait, foreign keys on, migrations applied. */
import Sqlite from 'better-sqlite3';
import path from 'node:path';
import type { Database } from './db';
import { isPostgresUrl } from './db';
import { knownMigrations, migrate } from './migrate';
import { regrantAppRole } from './postgres/app-role';
import { PgDatabase, PgError } from './postgres/pg-database';
import { SOURCE_MIGRATIONS_DIR } from '../source-dirs';

export type { Database };

export interface OpenOptions { readonly?: boolean; upTo?: number; /** The source tree's by default (undefined too). */ migrationsDir?: string | undefined }

/** `target`: a SQLite file (or `:memory:`), or a `postgres://` address of a shared store. */
export function openDb(target: string, opts: OpenOptions = {}): Database {
  return isPostgresUrl(target) ? openPostgres(target, opts) : openSqlite(target, opts);
}

/** PostgreSQL's migrations sit in their own folder beside SQLite's, under the same numbers and names. */
export function postgresMigrationsDir(dir = SOURCE_MIGRATIONS_DIR): string {
  return path.join(dir, 'postgres');
}

function openPostgres(url: string, opts: OpenOptions): Database {
  const db = new PgDatabase(url);
  try {
    if (!opts.readonly) {
      const done = migrateAsOwner(db, knownMigrations(postgresMigrationsDir(opts.migrationsDir)), opts.upTo);
      // Read again after a migration, or where another desk migrated the new store while this one connected.
      if (done.length > 0 || !db.hasId('files')) db.refreshDialect();
      // The desks' role (if the owner named one) gets the same rights on what the migration added.
      if (done.length > 0) regrantAppRole(db);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Migrations change the schema, which only the database's owner may: a desk's role is told who must run them. */
function migrateAsOwner(db: PgDatabase, migrations: ReturnType<typeof knownMigrations>, upTo?: number): number[] {
  try {
    return migrate(db, migrations, upTo);
  } catch (err) {
    if (err instanceof PgError && err.code === '42501') {
      throw new Error(`Kho dùng chung cần nâng cấp lên phiên bản này, nhưng tài khoản máy chủ đang dùng không có quyền đổi cấu trúc: người quản lý máy chủ chạy “tonghop migrate --db postgres://CHỦ-CƠ-SỞ-DỮ-LIỆU@...” một lần (${err.message})`);
    }
    throw err;
  }
}

function openSqlite(file: string, opts: OpenOptions): Database {
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

/** The SQLite connection behind a store, where it is one (online backup, pragmas). */
export function sqliteOf(db: Database): Sqlite.Database | undefined {
  return db instanceof Sqlite ? db : undefined;
}
