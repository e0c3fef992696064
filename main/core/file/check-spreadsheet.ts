/**
 * Bytes -> the kind of spreadsheet to parse, refusing what is not one we read: sniff the kind,
 * check a zip's directory. Cheap and bounded, so it runs on the calling thread; the XML prologues
 * are checked in the reader thread, which has the time to spare.
 */
import { ImportFailure } from './import-failure';
import type { ImportLimits } from './limits';
import { checkZipDirectory } from './precheck';
import { refusalFor } from './refuse-kind';
import type { FileKind } from './sniff';
import { sniffFile } from './sniff';

export function checkSpreadsheet(bytes: Uint8Array, limits: ImportLimits): FileKind {
  const kind = sniffFile(bytes);
  const refusal = refusalFor(kind);
  if (refusal) throw new ImportFailure(refusal.code, refusal.reason);
  if (isZip(kind.kind)) checkZipDirectory(bytes, limits);
  return kind.kind;
}

/** The kinds read from a zip (xlsx, xlsm, ods...): BIFF .xls and CSV are not. */
export function isZip(kind: FileKind): boolean {
  return kind !== 'xls' && kind !== 'csv';
}
