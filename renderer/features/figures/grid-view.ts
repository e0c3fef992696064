/**
 * What the figures grid shows beyond the filters: the search (a unit, an indicator or a file) and
 * a selection as Excel pastes it. Pure: the unit tests run it without a DOM.
 */
import type { Indicator } from '../../../shared/types';
import { formatNumber } from '../../format/numbers';
import type { PivotRow } from './pivot';

/** Lower case without diacritics: "Nghi Lộc" is found by "nghi loc". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/**
 * The search: rows whose unit, commune or source file matches, and columns whose indicator (name
 * or code) matches. A term that names only indicators keeps every row; one that names only units
 * or files keeps every column; one that names nothing leaves nothing.
 */
export function searchGrid(rows: PivotRow[], indicators: Indicator[], query: string): { rows: PivotRow[]; indicators: Indicator[] } {
  const q = fold(query.trim());
  if (!q) return { rows, indicators };
  const rowHits = rows.filter((r) => fold(r.label).includes(q) || fold(r.unit).includes(q) || r.files.some((f) => fold(f).includes(q)));
  const colHits = indicators.filter((i) => fold(i.name).includes(q) || fold(i.code).includes(q));
  if (rowHits.length === 0 && colHits.length === 0) return { rows: [], indicators };
  return { rows: rowHits.length ? rowHits : rows, indicators: colHits.length ? colHits : indicators };
}

/**
 * Rows as Excel takes a paste: cells separated by tabs, rows by CRLF, numbers written the
 * Vietnamese way ("1.234,5"). A vi-VN Excel reads "1.234,5" back as the number 1234.5 (its
 * decimal comma and thousands dot), where a plain "1234.5" would be read with "." as a
 * thousands separator, as 12345 or as text. The offices' Excel is vi-VN; an en-US Excel would
 * need "Paste Special > Text import" with the comma as decimal separator.
 */
export function toTsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => (typeof v === 'number' ? formatNumber(v) : (v ?? '').replace(/[\t\r\n]+/g, ' '));
  return [header, ...rows].map((r) => r.map(cell).join('\t')).join('\r\n');
}
