/**
 * Backups of the store: SQLite's online backup of a live store, a check of a backup before it may
 * replace the store (integrity, migrations ours and a prefix, audit log readable), the swap itself,
 * and the daily copies kept for a set number of days. When to back up is the shells' decision.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { copyStore } from './copy-store';
import type { Database } from './db';
import type { Migration } from './migrate';
import { openDb, sqliteOf } from './open-db';

/**
 * The store's online backup, always a SQLite file: SQLite's own backup API (readers and writers go
 * on meanwhile), or a PostgreSQL store copied whole into a new SQLite store and verified. Written
 * beside, then renamed.
 */
export async function backupTo(db: Database, file: string, migrationsDir?: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  try {
    const sqlite = sqliteOf(db);
    if (sqlite) await sqlite.backup(partial);
    else {
      const copy = openDb(partial, { migrationsDir });
      try { copyStore(db, copy); } finally { copy.close(); }
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export type BackupCheck = { ok: true; migrations: number; auditEntries: number } | { ok: false; message: string };

/** Whether `file` is a store this version may take back: nothing in it is changed. */
export function checkBackup(file: string, known: Migration[]): BackupCheck {
  if (!fs.existsSync(file)) return { ok: false, message: `Không tìm thấy tệp sao lưu “${file}”` };
  let db: Sqlite.Database | null = null;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      return { ok: false, message: `Tệp sao lưu “${path.basename(file)}” bị hỏng (kiểm tra toàn vẹn: ${integrity.slice(0, 3).map((r) => r.integrity_check).join('; ')})` };
    }
    const applied = db.prepare('SELECT id, name FROM migrations ORDER BY id').all() as { id: number; name: string }[];
    const mismatch = applied.findIndex((a, i) => known[i]?.name !== a.name);
    if (applied.length === 0 || mismatch >= 0) {
      return { ok: false, message: `Tệp sao lưu “${path.basename(file)}” không do phiên bản này của Tổng Hợp tạo (bước nâng cấp ${mismatch >= 0 ? applied[mismatch]!.name : 'không có'} không khớp)` };
    }
    const auditEntries = (db.prepare('SELECT id, at, user, action, target, old_value, new_value, reason FROM audit_log ORDER BY id').all()).length;
    return { ok: true, migrations: applied.length, auditEntries };
  } catch (err) {
    return { ok: false, message: `Tệp sao lưu “${path.basename(file)}” không đọc được như một cơ sở dữ liệu của Tổng Hợp (${(err as Error).message})` };
  } finally {
    db?.close();
  }
}

/**
 * Puts a checked backup in place of the store at `dbPath`, which must be closed. The old store is
 * kept beside it (`.truoc-khi-khoi-phuc`) until the copy is in place, so a failure leaves it as it was.
 */
export function replaceStore(dbPath: string, backup: string): void {
  const incoming = `${dbPath}.khoi-phuc.tmp`;
  fs.copyFileSync(backup, incoming);
  const before = `${dbPath}.truoc-khi-khoi-phuc`;
  if (fs.existsSync(dbPath)) fs.copyFileSync(dbPath, before);
  // The old store's write-ahead log belongs to the old file: it must not be replayed into the new one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
  fs.renameSync(incoming, dbPath);
}

export interface BackupFile { file: string; name: string; size: number; at: string }

/** The backups in a folder, latest first. */
export function listBackupFiles(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.db$/i.test(f)).map((name) => {
    const file = path.join(dir, name);
    const st = fs.statSync(file);
    return { file, name, size: st.size, at: st.mtime.toISOString() };
  }).sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

const DAILY = /^tu-dong-(\d{4}-\d{2}-\d{2})\.db$/;

/**
 * Today's automatic backup, once a day (`today`: YYYY-MM-DD), and the automatic ones older than
 * `keepDays` removed; backups made by hand are never removed. Returns the file made, or null.
 */
export async function dailyBackup(db: Database, dir: string, today: string, keepDays: number, migrationsDir?: string): Promise<string | null> {
  const file = path.join(dir, `tu-dong-${today}.db`);
  const made = fs.existsSync(file) ? null : (await backupTo(db, file, migrationsDir), file);
  const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - (keepDays - 1) * 86_400_000).toISOString().slice(0, 10);
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const day = DAILY.exec(name)?.[1];
    if (day && day < oldest) fs.rmSync(path.join(dir, name), { force: true });
  }
  return made;
}
