/**
 * The one import loop, shared by importFiles (CLI, tests) and the import jobs the UI polls: each
 * file in its own transaction (import/import-file.ts), the next files read and parsed while the
 * current one is recognised and stored. A stop is honoured between files only, so the store never
 * holds part of a file.
 */
import type { ImportFileResult, ImportProgress } from '../../../shared/types';
import type { ImportContext, StartedFile } from './import-file';
import { finishFile, startFile } from './import-file';

export interface BatchHooks {
  /** Before each file (no result) and after it (with its result). */
  onProgress?: (p: ImportProgress) => void;
  /** Asked before each file is started: true ends the batch there. */
  stopRequested?: () => boolean;
  /** The batch's place in the import history, as soon as it has one; then what its check raised. */
  onBatch?: (b: { batchId: number; flagsRaised?: number }) => void;
}

/** Files read and handed to the reader thread ahead of the one being stored: enough to keep both cores busy, few enough to bound memory. */
const READ_AHEAD = 4;

export async function importBatch(ctx: ImportContext, files: string[], hooks: BatchHooks = {}): Promise<ImportFileResult[]> {
  const results: ImportFileResult[] = [];
  const stop = () => hooks.stopRequested?.() ?? false;
  const ahead: StartedFile[] = [];
  let started = 0;
  const fill = () => { while (ahead.length < READ_AHEAD && started < files.length && !stop()) ahead.push(startFile(ctx, files[started++]!)); };
  for (const [index, file] of files.entries()) {
    // Let progress polls and a stop request in between files: parsed files ahead would otherwise
    // be stored one after another without the event loop ever turning.
    await new Promise((resolve) => setImmediate(resolve));
    fill();
    // Files read ahead but not yet stored are dropped: nothing of them is in the store.
    const current = ahead.shift();
    if (!current || stop()) break;
    hooks.onProgress?.({ file, index, total: files.length });
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
