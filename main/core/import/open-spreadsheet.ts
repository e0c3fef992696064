/**
 * Bytes -> grid, refusing what is not a spreadsheet we read: sniff the kind, pre-check a zip's
 * directory and XML prologues, then parse. Runs in the reader thread, off the thread that stores.
 */
import { ImportFailure } from './import-failure';
import type { ImportLimits } from './limits';
import { precheckZip } from './precheck';
import type { WorkbookGrid } from './read/grid';
import { readWorkbook } from './read/read-workbook';
import { refusalFor } from './refuse-kind';
import { sniffFile } from './sniff';

export async function openSpreadsheet(bytes: Uint8Array, limits: ImportLimits): Promise<WorkbookGrid> {
  const kind = sniffFile(bytes);
  const refusal = refusalFor(kind);
  if (refusal) throw new ImportFailure(refusal.code, refusal.message);
  if (kind.kind !== 'xls' && kind.kind !== 'csv') precheckZip(bytes, limits);
  return readWorkbook(bytes, limits, kind.kind);
}
