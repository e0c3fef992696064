/** Import batches and the outcome of every path in them: the import history, from the store. */
import type { Database } from '../db';
import type { ImportBatch, ImportFileResult } from '../../../../shared/types';
import { stmt } from '../statements';

export function startBatch(db: Database, at: string, user: string | null): number {
  return Number(stmt(db, 'INSERT INTO import_batches (started_at, user) VALUES (?, ?)').run(at, user).lastInsertRowid);
}

export function finishBatch(db: Database, batchId: number, at: string, cancelled: boolean): void {
  stmt(db, 'UPDATE import_batches SET finished_at = ?, cancelled = ? WHERE id = ?').run(at, cancelled ? 1 : 0, batchId);
}

/** One path's outcome; called inside the file's own transaction, so the two agree after any kill. */
export function addBatchFile(db: Database, batchId: number, filePath: string, sha256: string | null, r: ImportFileResult): void {
  stmt(db, `INSERT INTO import_batch_files (batch_id, seq, name, path, sha256, status, error_code, error_message, figures, unit)
    VALUES (?, (SELECT COUNT(*) FROM import_batch_files WHERE batch_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(batchId, batchId, r.file, filePath, sha256, r.status, r.error?.code ?? null, r.error?.message ?? null, r.figures, r.unit ?? null);
}

interface BatchRow { id: number; startedAt: string; finishedAt: string | null; user: string | null; cancelled: number; flagsRaised: number }
interface FileRow { batchId: number; name: string; path: string; sha256: string | null; status: ImportFileResult['status']; code: string | null; message: string | null; figures: number; unit: string | null }

/** The latest batches first, each with its files in the order they were done. */
export function listBatches(db: Database, limit = 200): ImportBatch[] {
  const batches = stmt(db, `SELECT id, started_at AS startedAt, finished_at AS finishedAt, user, cancelled,
    (SELECT COUNT(*) FROM batch_flags f WHERE f.batch_id = import_batches.id) AS flagsRaised FROM import_batches ORDER BY id DESC LIMIT ?`).all(limit) as BatchRow[];
  if (!batches.length) return [];
  const files = stmt(db, `SELECT batch_id AS batchId, name, path, sha256, status, error_code AS code, error_message AS message, figures, unit
    FROM import_batch_files WHERE batch_id >= ? ORDER BY batch_id, seq`).all(batches.at(-1)!.id) as FileRow[];
  const byBatch = new Map<number, ImportBatch['files']>();
  for (const { batchId, ...f } of files) {
    const list = byBatch.get(batchId) ?? [];
    list.push(f);
    byBatch.set(batchId, list);
  }
  return batches.map((b) => ({ ...b, cancelled: b.cancelled === 1, files: byBatch.get(b.id) ?? [] }));
}
