/** The reader's worker thread: parses one file at a time, so a file that takes too long can be stopped. */
import { parentPort } from 'node:worker_threads';
import { ImportFailure } from '../import-failure';
import type { ImportLimits } from '../limits';
import { readWorkbook } from './read-workbook';

export interface ReadRequest { id: number; bytes: Uint8Array; kind: string; limits: ImportLimits }
export type ReadResponse =
  | { id: number; ok: true; grid: Awaited<ReturnType<typeof readWorkbook>> }
  | { id: number; ok: false; code: string; message: string; sheet: string | null; cell: string | null };

parentPort?.on('message', async (req: ReadRequest) => {
  try {
    const grid = await readWorkbook(req.bytes, req.limits, req.kind);
    parentPort!.postMessage({ id: req.id, ok: true, grid } satisfies ReadResponse);
  } catch (err) {
    const f = err instanceof ImportFailure ? err : new ImportFailure('unreadable', `không đọc được tệp (${(err as Error).message.slice(0, 200)})`);
    parentPort!.postMessage({ id: req.id, ok: false, code: f.code, message: f.message, sheet: f.sheet, cell: f.cell } satisfies ReadResponse);
  }
});
