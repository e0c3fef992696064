/**
 * The reader's worker thread: parses one checked file at a time, so a file that takes too long
 * can be stopped, and keeps the copy of a file it read well (work the storing thread need not do).
 */
import { message, type Message } from '../../../shared/messages';
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, threadId } from 'node:worker_threads';
import { ImportFailure } from '../file/import-failure';
import type { ImportLimits } from '../file/limits';
import { checkSpreadsheet, isZip } from '../file/check-spreadsheet';
import { checkXmlPrologues } from '../file/precheck';
import { checkPartCounts } from '../file/part-counts';
import type { WorkbookGrid } from './grid';
import { loadSheetJs } from './load-sheetjs';
import { readWorkbook } from './read-workbook';

export type ReadRequest = { id: number; bytes: Uint8Array; limits: ImportLimits; keepCopyAt?: string } | { id: number; settle: true };
export type ReadResponse =
  | { id: number; ok: true; grid: WorkbookGrid | null; /** Parsing time; the first answer also carries the time SheetJS took to load. */ parseMs?: number; loadMs?: number }
  | { id: number; ok: false; code: string; reason: Message; sheet: string | null; cell: string | null }
  /** Sent as a file's turn comes: its time limit runs from then. */
  | { id: number; begun: true };

// Load the parser as the thread starts, while the storing thread is still reading the first file.
const loadStarted = performance.now();
let loadMs: number | undefined;
void loadSheetJs(false).then(() => { loadMs = performance.now() - loadStarted; });

// One request at a time, in order; a "settle" request is answered once every earlier copy is written.
let queue = Promise.resolve();
const copying = new Set<Promise<void>>();
parentPort?.on('message', (req: ReadRequest) => { queue = queue.then(() => handle(req)); });

async function handle(req: ReadRequest): Promise<void> {
  if ('settle' in req) {
    await Promise.all(copying);
    return void parentPort!.postMessage({ id: req.id, ok: true, grid: null } satisfies ReadResponse);
  }
  // The limit is the file's: it starts once the parser is loaded, not while a fresh thread loads it.
  await loadSheetJs(false);
  parentPort!.postMessage({ id: req.id, begun: true } satisfies ReadResponse);
  try {
    // Kind, size and zip guard here rather than in the storing thread, whose time is the import's.
    const kind = checkSpreadsheet(req.bytes, req.limits);
    if (isZip(kind)) { checkXmlPrologues(req.bytes); checkPartCounts(req.bytes, req.limits); }
    const started = performance.now();
    const grid = await readWorkbook(req.bytes, req.limits, kind);
    const parseMs = performance.now() - started;
    parentPort!.postMessage({ id: req.id, ok: true, grid, parseMs, ...(loadMs !== undefined ? { loadMs } : {}) } satisfies ReadResponse);
    loadMs = undefined;
    // After the answer, and written by libuv's threads: neither thread's JavaScript waits on the disk.
    if (req.keepCopyAt) {
      const copy = keepCopy(req.keepCopyAt, req.bytes).finally(() => copying.delete(copy));
      copying.add(copy);
    }
  } catch (err) {
    const f = err instanceof ImportFailure ? err : new ImportFailure('unreadable', message('refused.unreadable', { detail: (err as Error).message.slice(0, 200) }));
    parentPort!.postMessage({ id: req.id, ok: false, code: f.code, reason: f.reason, sheet: f.sheet, cell: f.cell } satisfies ReadResponse);
  }
}

/** Content-named, so written once; a failed copy costs the source preview, not the import. */
async function keepCopy(target: string, bytes: Uint8Array): Promise<void> {
  try {
    if (await fs.promises.access(target).then(() => true, () => false)) return;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Written whole under another name, then renamed: a kill mid-write leaves no truncated copy.
    const partial = `${target}.${process.pid}-${threadId}.tmp`;
    await fs.promises.writeFile(partial, bytes);
    await fs.promises.rename(partial, target);
  } catch { /* the import stands without its copy */ }
}
