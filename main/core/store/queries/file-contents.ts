/**
 * The bytes of imported files kept in the store (migration 0017): a shared PostgreSQL store's
 * reviewers see a source cell from any desk. Through the PostgreSQL thread a Buffer arrives as a
 * plain Uint8Array (structured clone); every read here gives a Buffer again, as better-sqlite3 does.
 */
import type { Database } from '../db';
import { stmt } from '../statements';

/** As better-sqlite3 gives a BLOB: a Buffer over the same memory, not a copy. */
function asBuffer(v: Uint8Array): Buffer {
  return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** Keeps a file's bytes under its sha256; the same content kept already is left as it is. */
export function keepFileContents(db: Database, sha256: string, bytes: Uint8Array, at: string): void {
  stmt(db, 'INSERT OR IGNORE INTO file_contents (sha256, size, bytes, stored_at) VALUES (?, ?, ?, ?)').run(sha256, bytes.byteLength, bytes, at);
}

/** The bytes kept for a content, or undefined (a SQLite store keeps its copies on disk instead). */
export function fileContents(db: Database, sha256: string): Buffer | undefined {
  const v = stmt(db, 'SELECT bytes FROM file_contents WHERE sha256 = ?').pluck().get(sha256) as Uint8Array | undefined;
  return v === undefined ? undefined : asBuffer(v);
}

export type FileContentsRow = { sha256: string; size: number; bytes: Buffer; stored_at: string };

/** Every kept content's key and size, in key order, without the bytes: how a copy plans its batches. */
export function fileContentSizes(db: Database): { sha256: string; size: number }[] {
  return stmt(db, 'SELECT sha256, size FROM file_contents ORDER BY sha256').all() as { sha256: string; size: number }[];
}

/** Whole rows, bytes included, `count` of them in key order from `first` on: one batch of a copy. */
export function fileContentsFrom(db: Database, first: string, count: number): FileContentsRow[] {
  const rows = stmt(db, 'SELECT sha256, size, bytes, stored_at FROM file_contents WHERE sha256 >= ? ORDER BY sha256 LIMIT ?').all(first, count) as (Omit<FileContentsRow, 'bytes'> & { bytes: Uint8Array })[];
  return rows.map((r) => ({ ...r, bytes: asBuffer(r.bytes) }));
}

/** Imported files (held ones too) whose bytes the store does not keep: one row per content. */
export function importedWithoutContents(db: Database): { sha256: string; name: string }[] {
  return stmt(db, `SELECT f.sha256, min(f.name) AS name FROM files f
    WHERE f.outcome = 'imported' AND NOT EXISTS (SELECT 1 FROM file_contents c WHERE c.sha256 = f.sha256)
    GROUP BY f.sha256 ORDER BY f.sha256`).all() as { sha256: string; name: string }[];
}
