/**
 * The one import loop, shared by importFiles (CLI, tests) and the import jobs the UI polls: each
 * file in its own transaction (import/import-file.ts), the next file read and parsed while the
 * current one is recognised and stored. A stop is honoured between files only, so the store never
 * holds part of a file.
 */
import type { ImportFileResult, ImportProgress } from '../../shared/types';
import type { ImportContext, StartedFile } from './import/import-file';
import { finishFile, startFile } from './import/import-file';

export interface BatchHooks {
  /** Before each file (no result) and after it (with its result). */
  onProgress?: (p: ImportProgress) => void;
  /** Asked before each file is started: true ends the batch there. */
  stopRequested?: () => boolean;
}

export async function importBatch(ctx: ImportContext, files: string[], hooks: BatchHooks = {}): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = [];
  const stop = () => hooks.stopRequested?.() ?? false;
  let next: StartedFile | null = files.length && !stop() ? startFile(ctx, files[0]!) : null;
  for (const [index, file] of files.entries()) {
    // A file read ahead but not yet stored is dropped: nothing of it is in the store.
    if (!next || stop()) break;
    hooks.onProgress?.({ file, index, total: files.length });
    const current = next;
    next = index + 1 < files.length && !stop() ? startFile(ctx, files[index + 1]!) : null;
    const { titleName: _t, unitId: _u, ...result } = await finishFile(ctx, current);
    results.push(result);
    hooks.onProgress?.({ file, index, total: files.length, result });
  }
  return results;
}

/** The units whose figures a batch changed: the ones the check after it looks at again. */
export function importedUnits(results: ImportFileResult[]): string[] {
  return results.flatMap((r) => (r.status === 'imported' && r.unit ? [r.unit] : []));
}
