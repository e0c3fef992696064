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
import { insertFigures } from '../store/queries/figures';
import type { NewFile } from '../store/queries/files';
import { importedFileBySha, insertImportedFile, insertRejectedFile, supersedeEarlier } from '../store/queries/files';
import { insertUnmapped } from '../store/queries/unmapped';
import { ImportFailure, placeOf } from './import-failure';
import type { ImportLimits } from './limits';
import { precheckZip } from './precheck';
import { readWorkbook } from './read/read-workbook';
import type { DirectoryUnit } from './recognise/find-unit';
import type { RecognisedReturn } from './recognise/recognise-return';
import { recogniseReturn } from './recognise/recognise-return';
import { refusalFor } from './refuse-kind';
import { sniffFile } from './sniff';

export interface ImportContext {
  db: Database;
  labels: () => LabelIndex;
  units: () => DirectoryUnit[];
  limits: ImportLimits;
  now: () => string;
  user: string | null;
}

export async function importFile(ctx: ImportContext, filePath: string): Promise<ImportFileResult> {
  const name = path.basename(filePath);
  const stat = fs.statSync(filePath);
  const base: NewFile = { sha256: '', name, path: filePath, size: stat.size, importedAt: ctx.now(), receivedAt: ctx.now(), importedBy: ctx.user };
  try {
    if (stat.size > ctx.limits.maxFileBytes) {
      throw new ImportFailure('too-large', `tệp nặng ${(stat.size / 1048576).toFixed(1)} MB, vượt giới hạn ${ctx.limits.maxFileBytes / 1048576} MB của một báo cáo`);
    }
    const bytes = fs.readFileSync(filePath);
    base.sha256 = createHash('sha256').update(bytes).digest('hex');
    const dup = importedFileBySha(ctx.db, base.sha256);
    if (dup) {
      return { file: name, status: 'duplicate', figures: 0, unmapped: 0, error: null, warnings: [`nội dung giống hệt tệp “${dup.name}” đã nhập; không nhập lại`] };
    }
    const kind = sniffFile(bytes);
    const refusal = refusalFor(kind);
    if (refusal) throw new ImportFailure(refusal.code, refusal.message);
    if (kind.kind !== 'xls' && kind.kind !== 'csv') precheckZip(bytes, ctx.limits);
    const grid = await readWorkbook(bytes, ctx.limits, kind.kind);
    const ret = recogniseReturn({ fileName: name, grid, labels: ctx.labels(), units: ctx.units() });
    store(ctx, base, ret);
    return {
      file: name, status: 'imported', figures: ret.figures.filter((f) => f.role !== 'total').length,
      unmapped: ret.unmapped.length, error: null, unit: ret.unit.code, periods: ret.periods, warnings: ret.warnings,
    };
  } catch (err) {
    const failure = err instanceof ImportFailure ? err : new ImportFailure('internal', `lỗi khi đọc tệp: ${(err as Error).message}`);
    const error = { code: failure.code, message: `${placeOf(name, failure.sheet, failure.cell)}: ${failure.message}`, sheet: failure.sheet, cell: failure.cell };
    if (!base.sha256 && fs.existsSync(filePath) && stat.size <= ctx.limits.maxFileBytes) {
      base.sha256 = createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
    }
    insertRejectedFile(ctx.db, base, error);
    return { file: name, status: 'rejected', figures: 0, unmapped: 0, error };
  }
}

function store(ctx: ImportContext, file: NewFile, ret: RecognisedReturn): void {
  const lex = ctx.labels().lex;
  ctx.db.transaction(() => {
    // 1. The file, with its unit and periods.
    const fileId = insertImportedFile(ctx.db, { ...file, unitId: ret.unit.id, layout: ret.layout, warnings: ret.warnings, periods: ret.periods });
    // 2. Its figures, each with sheet, cell and the text as typed.
    insertFigures(ctx.db, fileId, ret.unit.id, ret.figures);
    // 3. Rows waiting for a person to map their label.
    insertUnmapped(ctx.db, fileId, ret.unmapped, (l) => normalizeLabel(l, lex).text);
    // 4. An earlier file for the same unit and periods is now superseded.
    supersedeEarlier(ctx.db, fileId, ret.unit.id);
  })();
}
