/** One value cell -> a number with what was typed, a blank, or a note for the reviewer. */
import type { GridCell } from '../read/grid';
import { parseNumberText } from './parse-number';

export type CellReading =
  | { kind: 'value'; value: number; raw: string; unit: string | null; approx: boolean }
  | { kind: 'blank' }
  | { kind: 'note'; why: string };

export function readCellValue(cell: GridCell | undefined): CellReading {
  if (!cell || cell.v === null || cell.v === '') {
    // A formula without its cached result is reported once, as a cell error of the file.
    if (cell?.error && cell.error !== 'no-cached-value') return { kind: 'note', why: `lỗi ${cell.error}` };
    return { kind: 'blank' };
  }
  if (typeof cell.v === 'number') return { kind: 'value', value: cell.v, raw: cell.raw, unit: null, approx: false };
  if (typeof cell.v === 'boolean') return { kind: 'note', why: `giá trị đúng/sai “${cell.raw}”` };
  if (cell.date) return { kind: 'note', why: `ngày tháng “${cell.raw}” ở chỗ của một số` };
  const p = parseNumberText(cell.v);
  switch (p.kind) {
    case 'blank': return { kind: 'blank' };
    case 'number': return { kind: 'value', value: p.value, raw: cell.raw, unit: p.unit ?? null, approx: p.approx ?? false };
    case 'pair': return { kind: 'note', why: `ghi hai số “${cell.raw}” trong một ô` };
    case 'text': return { kind: 'note', why: `không phải số: “${cell.raw}”` };
  }
}
