/**
 * The reader's worker thread: checks and parses one file at a time, so a file that takes too long
 * can be stopped, and keeps the copy of a file it read well (work the storing thread need not do).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { ImportFailure } from '../import-failure';
import type { ImportLimits } from '../limits';
import { openSpreadsheet } from '../open-spreadsheet';
import type { WorkbookGrid } from './grid';
import { loadSheetJs } from './load-sheetjs';

export type ReadRequest = { id: number; bytes: Uint8Array; limits: ImportLimits; keepCopyAt?: string } | { id: number; settle: true };
export type ReadResponse =
  | { id: number; ok: true; grid: WorkbookGrid | null }
  | { id: number; ok: false; code: string; message: string; sheet: string | null; cell: string | null };

// Load the parser as the thread starts, while the storing thread is still reading the first file.
void loadSheetJs(false);

// One request at a time, in order: a "settle" request is answered only after every earlier copy is written.
let queue = Promise.resolve();
parentPort?.on('message', (req: ReadRequest) => { queue = queue.then(() => handle(req)); });

async function handle(req: ReadRequest): Promise<void> {
  if ('settle' in req) return void parentPort!.postMessage({ id: req.id, ok: true, grid: null } satisfies ReadResponse);
  try {
    const grid = await openSpreadsheet(req.bytes, req.limits);
    parentPort!.postMessage({ id: req.id, ok: true, grid } satisfies ReadResponse);
    // After the answer: the storing thread goes on while the copy is written.
    if (req.keepCopyAt) keepCopy(req.keepCopyAt, req.bytes);
  } catch (err) {
    const f = err instanceof ImportFailure ? err : new ImportFailure('unreadable', `không đọc được tệp (${(err as Error).message.slice(0, 200)})`);
    parentPort!.postMessage({ id: req.id, ok: false, code: f.code, message: f.message, sheet: f.sheet, cell: f.cell } satisfies ReadResponse);
  }
}

/** Content-named, so written once; a failed copy costs the source preview, not the import. */
function keepCopy(target: string, bytes: Uint8Array): void {
  try {
    if (fs.existsSync(target)) return;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  } catch { /* the import stands without its copy */ }
}
