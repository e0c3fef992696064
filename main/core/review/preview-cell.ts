/**
 * A window of a source sheet around one cell, read again from the file as imported: the copy kept
 * beside a SQLite store, else the bytes kept in the store (a shared store; a backup of one), else
 * the file's original path if it is still there.
 */
import { parseA1 } from '../../../shared/cell-address';
import { CodedError } from '../../../shared/errors';
import fs from 'node:fs';
import type { Database } from '../store/db';
import type { CellPreview } from '../../../shared/types';
import { archivedPath } from '../ingest/import-file';
import type { ImportLimits } from '../file/limits';
import { addressOf, cellText, type SheetGrid } from '../read/grid';
import type { ReaderThread } from '../read/reader-thread';
import { fileContents } from '../store/queries/file-contents';
import { importedFileByName } from '../store/queries/files';

export async function previewCell(db: Database, reader: ReaderThread, archiveDir: string | undefined, limits: ImportLimits, q: { file: string; sheet: string; cell: string; radius?: number }): Promise<CellPreview> {
  const rec = importedFileByName(db, q.file);
  if (!rec) throw new CodedError('not-found', `Không có tệp đã nhập tên “${q.file}”`);
  await reader.settled(); // the copy of a file imported a moment ago may still be being written
  const bytes = importedBytes(db, archiveDir, rec, q.file);
  const grid = await reader.read(bytes, limits);
  const sheet = grid.sheets.find((s) => s.name === q.sheet);
  if (!sheet) throw new CodedError('not-found', `Tệp “${q.file}” không có trang “${q.sheet}”`);
  const at = parseA1(q.cell);
  if (!at || at.sheet !== undefined) throw new CodedError('invalid-arguments', `Ô “${q.cell}” không hợp lệ`);
  const { row, col } = at;
  const radius = Math.min(q.radius ?? 6, 30);
  // The table's header rows go on top, apart; the window below starts after them, never repeating one.
  const heading = headerRowsAbove(sheet, row, col);
  const r0 = Math.max(0, row - radius, heading.length ? heading.at(-1)! + 1 : 0), c0 = Math.max(0, col - radius);
  const rows: string[][] = [];
  for (let r = r0; r <= row + radius; r++) {
    const line: string[] = [];
    for (let c = c0; c <= col + radius; c++) {
      const cell = sheet.rows[r]?.[c];
      line.push(typeof cell?.v === 'number' ? cell.raw : cellText(cell));
    }
    rows.push(line);
  }
  const header = heading.length ? { origin: addressOf(heading[0]!, c0), rows: heading.map((r) => headerLine(sheet, r, heading[0]!, c0, col + radius)) } : null;
  return { file: q.file, sheet: q.sheet, cell: q.cell, origin: addressOf(r0, c0), rows, target: { row: row - r0, col: col - c0 }, header };
}

/** The bytes of the file as imported, wherever they are kept; the original path last (it may have changed since). */
function importedBytes(db: Database, archiveDir: string | undefined, rec: { sha256: string; path: string }, name: string): Buffer {
  const copy = archiveDir ? archivedPath(archiveDir, rec.sha256, name) : null;
  if (copy && fs.existsSync(copy)) return fs.readFileSync(copy);
  const kept = fileContents(db, rec.sha256);
  if (kept) return kept;
  if (!fs.existsSync(rec.path)) throw new CodedError('not-found', `Không còn tệp “${name}” (đã chuyển hoặc xóa khỏi ${rec.path}) để xem ô gốc`);
  return fs.readFileSync(rec.path);
}

/** The merged range a cell lies in, if any. */
function mergeAt(sheet: SheetGrid, r: number, c: number) {
  return sheet.merges.find((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2);
}

/** A cell's words as shown: a merged range's text in every cell it covers. Numbers are not words. */
function wordsAt(sheet: SheetGrid, r: number, c: number): string {
  const m = mergeAt(sheet, r, c);
  const cell = m ? sheet.rows[m.r1]?.[m.c1] : sheet.rows[r]?.[c];
  return typeof cell?.v === 'string' && /\p{L}/u.test(cell.v) ? cell.v.trim() : '';
}

/** How far above a figure its table's header may be: a commune sheet runs to a few hundred rows. */
const HEADER_REACH = 400;
/** Header rows stacked above one another ("Thực hiện" over "Trong kỳ | Lũy kế"), at most. */
const HEADER_DEPTH = 4;

/**
 * The rows of the table's header over a figure's column (zero-based, top first): up the column past
 * the figures to the first cell with words ("Trong kỳ", "Lũy kế"), and the rows of words stacked
 * on it. The reviewer tells the period's column from the year-to-date's by them.
 */
export function headerRowsAbove(sheet: SheetGrid, row: number, col: number): number[] {
  let r = row - 1;
  while (r >= 0 && row - r <= HEADER_REACH && !wordsAt(sheet, r, col)) r--;
  if (r < 0 || row - r > HEADER_REACH) return [];
  const out = [r];
  while (out.length < HEADER_DEPTH && r - 1 >= 0 && wordsAt(sheet, r - 1, col)) out.unshift(--r);
  return out;
}

/** A header row across the preview's columns; a merged range's text once, in its first cell in view. */
function headerLine(sheet: SheetGrid, r: number, top: number, c0: number, c1: number): string[] {
  const line: string[] = [];
  for (let c = c0; c <= c1; c++) {
    const m = mergeAt(sheet, r, c);
    line.push(m && (c > Math.max(m.c1, c0) || r > Math.max(m.r1, top)) ? '' : m ? cellText(sheet.rows[m.r1]?.[m.c1]) : cellText(sheet.rows[r]?.[c]));
  }
  return line;
}
