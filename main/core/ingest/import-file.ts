/**
 * One file -> the store, in one transaction: a file that fails leaves the store as it was and is
 * put on record with a Vietnamese message naming the file, sheet and cell.
 */
import { message, wordMessage, type Message } from '../../../shared/messages';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../store/db';
import type { ImportFileResult } from '../../../shared/types';
import type { LabelIndex } from '../catalog/match-label';
import { normalizeLabel } from '../catalog/normalize-label';
import { insertFigures, standingFigure } from '../store/queries/figures';
import type { NewFile } from '../store/queries/files';
import { holdFile, importedFileBySha, insertImportedFile, insertRejectedFile, supersedeEarlier } from '../store/queries/files';
import { lockedPeriods } from '../store/queries/approvals';
import { markPendingCheck } from '../store/queries/pending-checks';
import { insertUnmapped } from '../store/queries/unmapped';
import { addSenderHistory } from './sender-history';
import { insertCellErrors } from '../store/queries/cell-errors';
import { fileContents, keepFileContents } from '../store/queries/file-contents';
import { ImportFailure } from '../file/import-failure';
import type { ImportLimits } from '../file/limits';
import type { ReaderThread } from '../read/reader-thread';
import type { WorkbookGrid } from '../read/grid';
import type { UnitDirectory } from '../registry/unit-directory';
import type { OfficeProvince, RecognisedReturn } from '../recognise/recognise-return';
import { recogniseReturn } from '../recognise/recognise-return';
import { recordImport } from './record-import';
import { timed, timedAsync } from '../phase-times';

/** What a return is recognised with: the catalog's labels with people's mappings, and the unit directory. */
export interface Lookups { labels: LabelIndex; units: UnitDirectory }

export interface ImportContext {
  db: Database;
  /** The label index and the unit directory as of now (one query checks both are current). */
  lookups: () => Lookups;
  limits: ImportLimits;
  reader: ReaderThread;
  now: () => string;
  user: string | null;
  /** The day the files arrived ("YYYY-MM-DD"), where the person importing gave one; else the import's time. */
  receivedAt?: string;
  /** Where imported files are copied (content-named); none: no copies. */
  archiveDir?: string;
  /** Keep each imported file's bytes in the store itself (a shared store, which no desk's folder can hold for all). */
  keepContents?: boolean;
  /** The batch of the import history this file belongs to (none: a unit assigned by hand). */
  batchId?: number;
  /** The office's provinces at a date, from its set-up; none: the title's province, else the whole country. */
  officeProvinces?: (date: string) => OfficeProvince[];
}

/** A file whose bytes are read and whose parsing has started in the reader thread. */
export interface StartedFile {
  base: NewFile;
  /** Settles with the grid, or with the failure that refuses the file. */
  grid: Promise<WorkbookGrid>;
  /**
   * The bytes read, kept until the file is stored where the store keeps them (keepContents): the
   * bytes hashed are the bytes kept, whatever happens to the file on disk meanwhile. At most the
   * files read ahead and the one being stored hold them, each within limits.maxFileBytes.
   */
  bytes?: Buffer;
}

/**
 * 1. Read the bytes, check size and kind, and hand them to the reader thread. Starting the next
 * file while the current one is recognised and stored keeps both cores busy.
 */
export function startFile(ctx: ImportContext, filePath: string): StartedFile {
  const stat = fs.statSync(filePath);
  return startBytes(ctx, filePath, stat.size, () => fs.readFileSync(filePath));
}

/**
 * A refused file taken up again (a person names its unit or period): from its path where this desk
 * can read it, else from the bytes a shared store kept when it was refused, so any desk can answer
 * for a file another desk imported.
 */
export function startRefusedFile(ctx: ImportContext, rec: { path: string; sha256: string }): StartedFile {
  if (fs.existsSync(rec.path)) return startFile(ctx, rec.path);
  const kept = rec.sha256 ? fileContents(ctx.db, rec.sha256) : undefined;
  if (!kept) throw new Error(`Không đọc được tệp “${rec.path}” từ máy này, và kho không giữ bản của nó: hãy nhập lại tệp`);
  return startBytes(ctx, rec.path, kept.byteLength, () => kept);
}

function startBytes(ctx: ImportContext, filePath: string, size: number, read: () => Buffer): StartedFile {
  const importedAt = ctx.now();
  const base: NewFile = { sha256: '', name: path.basename(filePath), path: filePath, size, importedAt, receivedAt: ctx.receivedAt ?? importedAt, importedBy: ctx.user };
  const started: StartedFile = { base, grid: Promise.resolve(null as unknown as WorkbookGrid) };
  const grid = (async () => {
    if (size > ctx.limits.maxFileBytes) {
      throw new ImportFailure('too-large', message('refused.too-large', { megabytes: size / 1048576, limit: ctx.limits.maxFileBytes / 1048576 }));
    }
    const bytes = timed('reading files and hashing', read);
    base.sha256 = timed('reading files and hashing', () => createHash('sha256').update(bytes).digest('hex'));
    if (importedFileBySha(ctx.db, base.sha256)) throw DUPLICATE;
    if (ctx.keepContents) started.bytes = bytes;
    // Kind and pre-checks here; parsing and the kept copy in the reader thread.
    return ctx.reader.read(bytes, ctx.limits, ctx.archiveDir ? archivedPath(ctx.archiveDir, base.sha256, base.name) : undefined);
  })();
  grid.catch(() => undefined); // handled in finishFile; not an unhandled rejection meanwhile
  started.grid = grid;
  return started;
}

const DUPLICATE = new ImportFailure('duplicate', message('note.duplicate', { of: '' }));
const HELD = new Set(['other-province']);
/**
 * Refusals that mean "no spreadsheet at all": a cover letter or scan sent along with the returns.
 * Under a name that is no spreadsheet's either, the file is skipped, not a refused return; a .xlsx
 * that turns out to be a PDF stays refused, since a return was meant.
 */
const NOT_A_RETURN = new Set(['word', 'pdf', 'text', 'image']);
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|xlsb|ods|csv)$/i;

export function isSkipped(code: string, name: string): boolean {
  return NOT_A_RETURN.has(code) && !SPREADSHEET_NAME.test(name);
}

/** 2. Recognise the return and store it in one transaction, or put the refusal on record. */
export async function finishFile(ctx: ImportContext, started: StartedFile, unitCode?: string, periodKey?: string): Promise<ImportFileResult & { titleName?: string | null; unitId?: number }> {
  const { base } = started;
  try {
    const grid = await timedAsync('waiting for the reader thread', () => started.grid);
    // Once a file: a mapping or a unit another desk adds counts from the next file on.
    const { labels, units } = ctx.lookups();
    const ret = timed('recognising', () => recogniseReturn({ fileName: base.name, grid, labels, units, ...(unitCode ? { unitCode } : {}), ...(ctx.officeProvinces ? { officeProvinces: ctx.officeProvinces } : {}), ...(periodKey ? { periodKey } : {}) }));
    // What the return states for earlier periods, against what the store holds for them.
    ret.warnings.push(...referenceWarnings(ctx.db, ret).map((vi) => message('note.other', { vi })));
    // A return for an approved (locked) period is stored but held: it changes nothing until taken in.
    const locked = lockedPeriods(ctx.db, ret.unit.code, ret.periods);
    if (locked.length > 0) ret.warnings.push(message('note.held', { periods: locked }));
    const result: ImportFileResult = {
      file: base.name, status: locked.length > 0 ? 'held' : 'imported', figures: ret.figures.filter((f) => f.role !== 'total').length,
      unmapped: ret.unmapped.length, error: null, unit: ret.unit.code, periods: ret.periods, ...notes(ret.warnings), sha256: base.sha256,
    };
    timed('storing', () => store(ctx, base, ret, labels, result, started.bytes));
    return { ...result, titleName: ret.titleName, unitId: ret.unit.id };
  } catch (err) {
    if (err === DUPLICATE) return duplicate(ctx, base, importedFileBySha(ctx.db, base.sha256)?.name ?? '');
    const failure = err instanceof ImportFailure ? err : new ImportFailure('internal', message('refused.internal', { detail: (err as Error).message }));
    const status = HELD.has(failure.code) ? 'held' : isSkipped(failure.code, base.name) ? 'skipped' : 'rejected';
    const text = status === 'skipped' ? message('import.skipped', { file: base.name, kind: failure.code })
      : message('import.refused', { file: base.name, sheet: failure.sheet, cell: failure.cell, reason: failure.reason });
    const error = { code: failure.code, message: wordMessage(text, 'vi'), sheet: failure.sheet, cell: failure.cell, text };
    // A return from another province is not wrong, only not this office's: held for a person, not refused.
    const result: ImportFileResult = { file: base.name, status, figures: 0, unmapped: 0, error, ...(base.sha256 ? { sha256: base.sha256 } : {}) };
    ctx.db.transaction(() => {
      // A skipped file is no return: it stays on the log and in the batch's history, not among the refused returns.
      if (status !== 'skipped') insertRejectedFile(ctx.db, base, error);
      recordImport(ctx, base.path, base.sha256, result);
      // A shared store keeps a refused file's bytes too: whichever desk names its unit or period reads them.
      if (status !== 'skipped' && started.bytes) keepFileContents(ctx.db, base.sha256, started.bytes, base.importedAt);
    })();
    return result;
  }
}

/** Notes as data for the UI, and in Vietnamese as `warnings` (the CLI's and older readers'). */
function notes(ms: Message[]): Pick<ImportFileResult, 'warnings' | 'notes'> {
  return { warnings: ms.map((m) => wordMessage(m, 'vi')), notes: ms };
}

function duplicate(ctx: ImportContext, base: NewFile, of: string): ImportFileResult {
  const result: ImportFileResult = { file: base.name, status: 'duplicate', figures: 0, unmapped: 0, error: null, ...notes([message('note.duplicate', { of })]), sha256: base.sha256 };
  recordImport(ctx, base.path, base.sha256, result);
  return result;
}

/** A copy of every imported file is kept beside the store, named by its content: the source cell stays one click away after the USB stick has gone. */
export function archivedPath(dir: string, sha256: string, name: string): string {
  return path.join(dir, `${sha256}${path.extname(name).toLowerCase()}`);
}

function store(ctx: ImportContext, file: NewFile, ret: RecognisedReturn, labels: LabelIndex, result: ImportFileResult, bytes: Buffer | undefined): void {
  const held = result.status === 'held';
  const lex = labels.lex;
  ctx.db.transaction(() => {
    // 0. Rows left unmapped: what this sender's last return had on the same row ranks first among the suggestions.
    addSenderHistory(ctx.db, ret, labels);
    // 1. The file, with its unit and periods.
    const fileId = insertImportedFile(ctx.db, { ...file, unitId: ret.unit.id, layout: ret.layout, warnings: ret.warnings.map((w) => wordMessage(w, 'vi')), periods: ret.periods });
    // The same bytes stored since they were read (the same file twice in a batch, or from another desk): nothing of it is written.
    if (fileId === null) throw DUPLICATE;
    // 2. Its figures, each with sheet, cell and the text as typed.
    insertFigures(ctx.db, fileId, ret.unit.id, ret.figures);
    // 3. Rows waiting for a person to map their label.
    insertUnmapped(ctx.db, fileId, ret.unmapped, (l) => normalizeLabel(l, lex).text);
    // 4. Cells that gave no figure (a formula without its cached result), each to become a flag.
    insertCellErrors(ctx.db, fileId, ret.cellErrors);
    // 5. An earlier file for the same unit and periods is now superseded; a held file supersedes nothing yet.
    if (held) holdFile(ctx.db, fileId);
    else supersedeEarlier(ctx.db, fileId, ret.unit.id);
    // 6. Its unit waits for a check, until the check that follows clears the mark (a kill in between is repaired at the next start).
    markPendingCheck(ctx.db, ret.unit.id);
    // 7. The import on the audit log and in its batch's history.
    recordImport(ctx, file.path, file.sha256, result);
    // 8. Where the store keeps the files themselves (a shared store), the bytes read: the source cell from any desk.
    if (bytes) keepFileContents(ctx.db, file.sha256, bytes, file.importedAt);
  })();
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "Thực hiện tháng trước" and "Cùng kỳ năm trước" are checked against the store, never stored. */
function referenceWarnings(db: Database, ret: RecognisedReturn): string[] {
  const out: string[] = [];
  for (const r of ret.references) {
    const had = standingFigure(db, ret.unit.code, r.period, r.indicator, 'period');
    if (had && Math.abs(had.value - r.value) > 1e-9 * Math.max(1, Math.abs(had.value))) {
      out.push(`trang “${r.sheet}”, ô ${r.cell}: ghi ${NUMBER.format(r.value)} cho ${r.kind === 'previous' ? 'kỳ trước' : 'cùng kỳ năm trước'} (${r.period}, ${r.indicator}) nhưng đã nhập ${NUMBER.format(had.value)} từ tệp ${had.file}, ô ${had.cell}`);
    }
  }
  return out;
}
