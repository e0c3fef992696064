/**
 * Bytes -> the kind of spreadsheet to parse, refusing what is not one we read: sniff the kind,
 * pre-check a zip's directory and XML prologues. Cheap and bounded, so it runs on the calling
 * thread and leaves the reader thread only the parsing.
 */
import { ImportFailure } from './import-failure';
import type { ImportLimits } from './limits';
import { precheckZip } from './precheck';
import { refusalFor } from './refuse-kind';
import type { FileKind } from './sniff';
import { sniffFile } from './sniff';

export function checkSpreadsheet(bytes: Uint8Array, limits: ImportLimits): FileKind {
  const kind = sniffFile(bytes);
  const refusal = refusalFor(kind);
  if (refusal) throw new ImportFailure(refusal.code, refusal.message);
  if (kind.kind !== 'xls' && kind.kind !== 'csv') precheckZip(bytes, limits);
  return kind.kind;
}
