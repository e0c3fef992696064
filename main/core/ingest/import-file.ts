/**
 * One file -> the store, in one transaction: a file that fails leaves the store as it was and is
 * put on record with a Vietnamese message naming the file, sheet and cell.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportFileResult } from '../../../shared/types';
import type { LabelIndex } from '../catalog/match-label';
import { normalizeLabel } from '../catalog/normalize-label';
import { insertFigures, standingFigure } from '../store/queries/figures';
import type { NewFile } from '../store/queries/files';
import { importedFileBySha, insertImportedFile, insertRejectedFile, supersedeEarlier } from '../store/queries/files';
import { insertUnmapped } from '../store/queries/unmapped';
import { addSenderHistory } from './sender-history';
import { insertCellErrors } from '../store/queries/cell-errors';
import { ImportFailure, placeOf } from '../file/import-failure';
import type { ImportLimits } from '../file/limits';
import type { ReaderThread } from '../read/reader-thread';
import type { WorkbookGrid } from '../read/grid';
import type { DirectoryUnit } from '../registry/directory-unit';
import type { RecognisedReturn } from '../recognise/recognise-return';
import { recogniseReturn } from '../recognise/recognise-return';

export interface ImportContext {
  db: Database;
  labels: () => LabelIndex;
  units: () => DirectoryUnit[];
  limits: ImportLimits;
  reader: ReaderThread;
  now: () => string;
  user: string | null;
  /** The day the files arrived ("YYYY-MM-DD"), where the person importing gave one; else the import's time. */
  receivedAt?: string;
  /** Where imported files are copied (content-named); none: no copies. */
  archiveDir?: string;
}

/** A file whose bytes are read and whose parsing has started in the reader thread. */
export interface StartedFile {
  base: NewFile;
  /** Settles with the grid, or with the failure that refuses the file. */
  grid: Promise<WorkbookGrid>;
}

/**
 * 1. Read the bytes, check size and kind, and hand them to the reader thread. Starting the next
 * file while the current one is recognised and stored keeps both cores busy.
 */
export function startFile(ctx: ImportContext, filePath: string): StartedFile {
  const stat = fs.statSync(filePath);
  const importedAt = ctx.now();
  const base: NewFile = { sha256: '', name: path.basename(filePath), path: filePath, size: stat.size, importedAt, receivedAt: ctx.receivedAt ?? importedAt, importedBy: ctx.user };
  const started: StartedFile = { base, grid: Promise.resolve(null as unknown as WorkbookGrid) };
  const grid = (async () => {
    if (stat.size > ctx.limits.maxFileBytes) {
      throw new ImportFailure('too-large', `tệp nặng ${(stat.size / 1048576).toFixed(1)} MB, vượt giới hạn ${ctx.limits.maxFileBytes / 1048576} MB của một báo cáo`);
    }
    const bytes = fs.readFileSync(filePath);
    base.sha256 = createHash('sha256').update(bytes).digest('hex');
    if (importedFileBySha(ctx.db, base.sha256)) throw DUPLICATE;
    // Kind and pre-checks here; parsing and the kept copy in the reader thread.
    return ctx.reader.read(bytes, ctx.limits, ctx.archiveDir ? archivedPath(ctx.archiveDir, base.sha256, base.name) : undefined);
  })();
  grid.catch(() => undefined); // handled in finishFile; not an unhandled rejection meanwhile
  started.grid = grid;
  return started;
}

const DUPLICATE = new ImportFailure('duplicate', '');

/** 2. Recognise the return and store it in one transaction, or put the refusal on record. */
export async function finishFile(ctx: ImportContext, started: StartedFile, unitCode?: string, periodKey?: string): Promise<ImportFileResult & { titleName?: string | null; unitId?: number }> {
  const { base } = started;
  try {
    const grid = await started.grid;
    const dup = importedFileBySha(ctx.db, base.sha256);
    if (dup) return duplicate(base.name, dup.name);
    const ret = recogniseReturn({ fileName: base.name, grid, labels: ctx.labels(), units: ctx.units(), ...(unitCode ? { unitCode } : {}), ...(periodKey ? { periodKey } : {}) });
    store(ctx, base, ret);
    return {
      file: base.name, status: 'imported', figures: ret.figures.filter((f) => f.role !== 'total').length,
      unmapped: ret.unmapped.length, error: null, unit: ret.unit.code, periods: ret.periods, warnings: ret.warnings,
      titleName: ret.titleName, unitId: ret.unit.id,
    };
  } catch (err) {
    if (err === DUPLICATE) return duplicate(base.name, importedFileBySha(ctx.db, base.sha256)?.name ?? '');
    const failure = err instanceof ImportFailure ? err : new ImportFailure('internal', `lỗi khi đọc tệp: ${(err as Error).message}`);
    const error = { code: failure.code, message: `${placeOf(base.name, failure.sheet, failure.cell)}: ${failure.message}`, sheet: failure.sheet, cell: failure.cell };
    insertRejectedFile(ctx.db, base, error);
    return { file: base.name, status: 'rejected', figures: 0, unmapped: 0, error };
  }
}

function duplicate(file: string, of: string): ImportFileResult {
  return { file, status: 'duplicate', figures: 0, unmapped: 0, error: null, warnings: [`nội dung giống hệt tệp “${of}” đã nhập; không nhập lại`] };
}

/** A copy of every imported file is kept beside the store, named by its content: the source cell stays one click away after the USB stick has gone. */
export function archivedPath(dir: string, sha256: string, name: string): string {
  return path.join(dir, `${sha256}${path.extname(name).toLowerCase()}`);
}

function store(ctx: ImportContext, file: NewFile, ret: RecognisedReturn): void {
  const lex = ctx.labels().lex;
  ctx.db.transaction(() => {
    // 0. Rows left unmapped: what this sender's last return had on the same row ranks first among the suggestions.
    addSenderHistory(ctx.db, ret, ctx.labels());
    // What the return states for earlier periods, against what the store holds for them.
    ret.warnings.push(...referenceWarnings(ctx.db, ret));
    // 1. The file, with its unit and periods.
    const fileId = insertImportedFile(ctx.db, { ...file, unitId: ret.unit.id, layout: ret.layout, warnings: ret.warnings, periods: ret.periods });
    // 2. Its figures, each with sheet, cell and the text as typed.
    insertFigures(ctx.db, fileId, ret.unit.id, ret.figures);
    // 3. Rows waiting for a person to map their label.
    insertUnmapped(ctx.db, fileId, ret.unmapped, (l) => normalizeLabel(l, lex).text);
    // 4. Cells that gave no figure (a formula without its cached result), each to become a flag.
    insertCellErrors(ctx.db, fileId, ret.cellErrors);
    // 5. An earlier file for the same unit and periods is now superseded.
    supersedeEarlier(ctx.db, fileId, ret.unit.id);
  })();
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "Thực hiện tháng trước" and "Cùng kỳ năm trước" are checked against the store, never stored. */
function referenceWarnings(db: Database, ret: RecognisedReturn): string[] {
  const out: string[] = [];
  for (const r of ret.references) {
    const had = standingFigure(db, ret.unit.id, r.period, r.indicator, 'period');
    if (had && Math.abs(had.value - r.value) > 1e-9 * Math.max(1, Math.abs(had.value))) {
      out.push(`trang “${r.sheet}”, ô ${r.cell}: ghi ${NUMBER.format(r.value)} cho ${r.kind === 'previous' ? 'kỳ trước' : 'cùng kỳ năm trước'} (${r.period}, ${r.indicator}) nhưng đã nhập ${NUMBER.format(had.value)} từ tệp ${had.file}, ô ${had.cell}`);
    }
  }
  return out;
}
