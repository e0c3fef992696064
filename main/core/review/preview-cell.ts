/** A window of a source sheet around one cell, read again from the archived copy (or the original path). */
import { parseA1 } from '../../../shared/cell-address';
import { CodedError } from '../../../shared/errors';
import fs from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { CellPreview } from '../../../shared/types';
import { archivedPath } from '../ingest/import-file';
import type { ImportLimits } from '../file/limits';
import { addressOf, cellText } from '../read/grid';
import type { ReaderThread } from '../read/reader-thread';
import { importedFileByName } from '../store/queries/files';

export async function previewCell(db: Database, reader: ReaderThread, archiveDir: string | undefined, limits: ImportLimits, q: { file: string; sheet: string; cell: string; radius?: number }): Promise<CellPreview> {
  const rec = importedFileByName(db, q.file);
  if (!rec) throw new CodedError('not-found', `Không có tệp đã nhập tên “${q.file}”`);
  await reader.settled(); // the copy of a file imported a moment ago may still be being written
  const copy = archiveDir ? archivedPath(archiveDir, rec.sha256, q.file) : null;
  const source = copy && fs.existsSync(copy) ? copy : rec.path;
  if (!fs.existsSync(source)) throw new CodedError('not-found', `Không còn tệp “${q.file}” (đã chuyển hoặc xóa khỏi ${rec.path}) để xem ô gốc`);
  const bytes = fs.readFileSync(source);
  const grid = await reader.read(bytes, limits);
  const sheet = grid.sheets.find((s) => s.name === q.sheet);
  if (!sheet) throw new CodedError('not-found', `Tệp “${q.file}” không có trang “${q.sheet}”`);
  const at = parseA1(q.cell);
  if (!at || at.sheet !== undefined) throw new CodedError('invalid-arguments', `Ô “${q.cell}” không hợp lệ`);
  const { row, col } = at;
  const radius = Math.min(q.radius ?? 6, 30);
  const r0 = Math.max(0, row - radius), c0 = Math.max(0, col - radius);
  const rows: string[][] = [];
  for (let r = r0; r <= row + radius; r++) {
    const line: string[] = [];
    for (let c = c0; c <= col + radius; c++) {
      const cell = sheet.rows[r]?.[c];
      line.push(typeof cell?.v === 'number' ? cell.raw : cellText(cell));
    }
    rows.push(line);
  }
  return { file: q.file, sheet: q.sheet, cell: q.cell, origin: addressOf(r0, c0), rows, target: { row: row - r0, col: col - c0 } };
}
