/**
 * Every file's outcome on the audit log (who, which file, its SHA-256, what happened) and in its
 * batch's history. Called inside the file's own transaction, so a file in the store is always on
 * the log, and a kill leaves neither.
 */
import type { Database } from '../store/db';
import type { ImportFileResult } from '../../../shared/types';
import { appendAudit } from '../store/queries/audit';
import { addBatchFile } from '../store/queries/batches';

export interface ImportRecordContext {
  db: Database;
  now: () => string;
  user: string | null;
  batchId?: number;
}

/** The person named for an import without a name (the CLI without --user). */
export const UNNAMED_USER = 'không ghi tên';

export function recordImport(ctx: ImportRecordContext, filePath: string, sha256: string, r: ImportFileResult): void {
  const outcome = r.error ? `${r.status}: ${r.error.code}` : r.status;
  appendAudit(ctx.db, {
    at: ctx.now(), user: ctx.user || UNNAMED_USER, action: 'import', target: r.file, oldValue: null, newValue: outcome,
    reason: [sha256 ? `sha256 ${sha256}` : null, r.error?.message ?? null, r.unit ? `đơn vị ${r.unit}` : null].filter(Boolean).join('; ') || null,
  });
  if (ctx.batchId !== undefined) addBatchFile(ctx.db, ctx.batchId, filePath, sha256 || null, r);
}
