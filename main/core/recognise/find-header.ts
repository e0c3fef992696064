/**
 * Where a table's heading is and what each column holds. A heading is the first row (of the top
 * 40) with a label or unit-name column and at least one value column in it or the rows just below;
 * headings span up to four rows, with merged cells read as covering every cell they span.
 */
import type { SheetGrid } from '../read/grid';
import { cellText } from '../read/grid';
import type { ColumnRole } from './column-roles';
import { classifyHeading, isCheckRole, isValueRole } from './column-roles';

export interface Header {
  /** First and last heading row (zero-based). */
  top: number;
  bottom: number;
  roles: ColumnRole[];
  /** The heading text of each column, rows joined. */
  texts: string[];
  /** The first row after the table: the next table's heading on the same sheet, or the sheet's end. */
  end: number;
  /** The heading rows of each column joined with " / ", as a person reads them top-down. */
  paths: string[];
  labelCol: number;
}

const SCAN_ROWS = 40;
/** row * COLUMNS + column: a cell's number, exact in a double for any row a sheet has (2^20) and any column index. */
const COLUMNS = 2 ** 32;
const MAX_HEADING_ROWS = 4;

/** Text at a cell, or at the top-left of the merge covering it. */
export function mergedTextFn(sheet: SheetGrid): (r: number, c: number) => string {
  // Keyed by row * COLUMNS + column: a number, where a "r,c" text was made at every cell asked.
  const cover = new Map<number, [number, number]>();
  for (const m of sheet.merges) {
    if ((m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1) > 400) continue; // banner merges across a page say nothing about columns
    for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) cover.set(r * COLUMNS + c, [m.r1, m.c1]);
  }
  return (r, c) => {
    const at = cover.size === 0 ? undefined : cover.get(r * COLUMNS + c);
    return cellText(at ? sheet.rows[at[0]]?.[at[1]] : sheet.rows[r]?.[c]);
  };
}

export function width(sheet: SheetGrid, from: number, to: number): number {
  let w = 0;
  for (let r = from; r <= to && r < sheet.rows.length; r++) w = Math.max(w, sheet.rows[r]?.length ?? 0);
  for (const m of sheet.merges) if (m.r1 <= to && m.r2 >= from) w = Math.max(w, m.c2 + 1);
  return w;
}

/**
 * The first table's heading at or below `from` (searched over 40 rows); its table runs to the next
 * heading on the sheet, so that several tables one below the other are each read with their own columns.
 */
export function findHeader(sheet: SheetGrid, from = 0): Header | null {
  const text = mergedTextFn(sheet);
  const last = Math.min(sheet.rows.length, from + SCAN_ROWS);
  for (let top = from; top < last; top++) {
    const h = headerAt(sheet, top, text);
    if (!h) continue;
    let end = h.bottom + 1;
    while (end < sheet.rows.length && !nextTableAt(sheet, end, text)) end++;
    return { ...h, end };
  }
  return null;
}

/**
 * Another table's heading at row `r`: a heading whose label cell is its own, not the lower part of
 * a label cell merged down from the heading above ("Xã, phường, thị trấn" over the ĐVT row).
 */
function nextTableAt(sheet: SheetGrid, r: number, text: (r: number, c: number) => string): boolean {
  const h = headerAt(sheet, r, text);
  return h !== null && !sheet.merges.some((m) => m.r1 < r && m.r2 >= r && m.c1 <= h.labelCol && m.c2 >= h.labelCol);
}

function headerAt(sheet: SheetGrid, top: number, text: (r: number, c: number) => string): Omit<Header, 'end'> | null {
  const w = width(sheet, top, top + MAX_HEADING_ROWS);
  const first = Array.from({ length: w }, (_, c) => classifyHeading(text(top, c)));
  const labelCol = first.findIndex((r) => r.kind === 'label' || r.kind === 'entity');
  if (labelCol < 0) return null;
  // Extend down while the next row is a sub-heading (text in value columns, no numbers).
  let bottom = top;
  while (bottom + 1 < top + MAX_HEADING_ROWS && isSubHeading(sheet, bottom + 1, labelCol, text, w)) bottom++;
  // A row of column letters ("A B C 1 2") belongs to the heading but says nothing of the columns.
  const worded = Array.from({ length: bottom - top + 1 }, (_, k) => top + k).filter((r) => !isColumnLetters(sheet, r));
  const last = worded[worded.length - 1] ?? top;
  const texts = Array.from({ length: w }, (_, c) => joinDistinct(worded.map((r) => text(r, c))));
  const roles = texts.map((t, c) => dateRole(sheet, top, bottom, c) ?? roleOf(t, text(last, c)));
  roles[labelCol] = first[labelCol]!;
  daysMakeTheTotalThePeriod(roles);
  const paths = Array.from({ length: w }, (_, c) => joinDistinct(worded.map((r) => text(r, c)), ' / '));
  if (roles.some(isValueRole) || first[labelCol]!.kind === 'entity') return { top, bottom, roles, texts, paths, labelCol };
  return null;
}

/**
 * A column per day ("Ngày 1", or dates of one month) and a total: the total is the period's figure,
 * the days are read only to check it.
 */
function daysMakeTheTotalThePeriod(roles: ColumnRole[]): void {
  const months = roles.filter((r): r is Extract<ColumnRole, { kind: 'month' }> => r.kind === 'month');
  const sameMonth = months.length >= 3 && new Set(months.map((m) => `${m.year}-${m.month}`)).size === 1;
  if (sameMonth) roles.forEach((r, c) => { if (r.kind === 'month') roles[c] = { kind: 'day', day: c }; });
  if (roles.filter((r) => r.kind === 'day').length < 3) return;
  roles.forEach((r, c) => { if (r.kind === 'total') roles[c] = { kind: 'period' }; });
}

/** The bottom heading row decides where it is specific ("Lũy kế" under "Kết quả"); else the joined text. */
function roleOf(joined: string, bottomText: string): ColumnRole {
  // Under "Cùng kỳ năm trước", "Lũy kế" is last year's: a check role anywhere in the heading wins.
  const whole = classifyHeading(joined);
  if (isCheckRole(whole)) return whole;
  const own = classifyHeading(bottomText);
  // "Ước thực / hiện tháng 3": the bottom row names the month, the heading above says it is an estimate.
  if ((own.kind === 'period' || own.kind === 'month') && (whole.kind === 'period' || whole.kind === 'month') && whole.estimate) return { ...own, estimate: true };
  return own.kind !== 'unknown' ? own : whole;
}

/** A heading typed as a date (01/05/2023 shown as "05/2023") names a month; the reader has already applied the 1904 system. */
function dateRole(sheet: SheetGrid, top: number, bottom: number, c: number): ColumnRole | null {
  for (let r = bottom; r >= top; r--) {
    const iso = sheet.rows[r]?.[c]?.date;
    if (iso) return { kind: 'month', month: Number(iso.slice(5, 7)), year: Number(iso.slice(0, 4)) };
  }
  return null;
}

function isSubHeading(sheet: SheetGrid, r: number, labelCol: number, text: (r: number, c: number) => string, w: number): boolean {
  const row = sheet.rows[r] ?? [];
  if (isColumnLetters(sheet, r)) return true;
  if (row.some((cell) => typeof cell?.v === 'number')) return false;
  for (let c = 0; c < w; c++) {
    if (c === labelCol) continue;
    const role = classifyHeading(text(r, c));
    if (role.kind !== 'unknown' && role.kind !== 'stt') return true;
  }
  // Words split over rows without merged cells ("Số đợt" / "tuyên truyền"): no label, no number,
  // and text only under columns whose heading above has text.
  if (text(r, labelCol)) return false;
  let words = 0;
  for (let c = 0; c < w; c++) {
    if (c === labelCol || !text(r, c)) continue;
    if (!text(r - 1, c)) return false;
    words++;
  }
  return words > 0;
}

/** "A B C 1 2 3" (or "(1) (2)", "3 = 2 - 1") under the headings of official forms. */
function isColumnLetters(sheet: SheetGrid, r: number): boolean {
  // The raw text: "6 = 3/5" and "(7)=(3)-(5)" keep their signs.
  const cells = (sheet.rows[r] ?? []).map((cell) => cellText(cell).toLowerCase().trim()).filter(Boolean);
  return cells.length >= 3 && cells.every((s) => /^([a-h]|\d{1,2}|\(\d+\)|\(?\d+\)?\s*=.*)$/.test(s));
}

function joinDistinct(parts: string[], sep = ' '): string {
  const out: string[] = [];
  for (const p of parts) if (p && out[out.length - 1] !== p) out.push(p);
  return out.join(sep);
}
