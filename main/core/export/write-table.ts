/**
 * The table both layouts share: STT, Chỉ tiêu, ĐVT, then data columns; two heading rows and a row
 * of column letters (A, B, C, 1, 2, 3...), group rows I–VI in bold, "trong đó" rows indented under
 * their parent, thin borders throughout. What goes into the data cells is the layout's business.
 */
import type ExcelJS from 'exceljs';
import type { IndicatorRow } from './export-data';
import type { CellContent } from './formulas';
import { toExcel } from './formulas';
import { alignment, BOX, font, heightFor, linesFor, numFmtFor, PERCENT_FMT, putText } from './sheet-style';

export interface DataColumn {
  header: string;
  /** A heading over several adjacent columns ("Công an các huyện, thị xã, thành phố"). */
  group?: string;
  /** The column-letter row's text: "1", "2"... or a note such as "25 = 22/24". */
  letter: string;
  width: number;
  /** Percentages whatever the row: the change column. */
  percent?: boolean;
}

export const FIXED_WIDTHS = [6, 46, 10];

export type TableItem =
  | { kind: 'group'; row: number; code: string; name: string }
  | { kind: 'indicator'; row: number; stt: string; data: IndicatorRow };

export interface TablePlan { items: TableItem[]; rowOf: Map<string, number> }

/** Rows of the body from `first` on: each group's heading, then its indicators numbered 1, 2...; sub-rows "-". */
export function planTable(groups: { code: string; name: string }[], rows: IndicatorRow[], first: number): TablePlan {
  const items: TableItem[] = [];
  const rowOf = new Map<string, number>();
  let row = first;
  for (const g of groups) {
    const members = rows.filter((r) => r.indicator.group === g.code);
    if (members.length === 0) continue;
    items.push({ kind: 'group', row: row++, code: g.code, name: g.name });
    let n = 0;
    for (const r of members) {
      rowOf.set(r.indicator.code, row);
      items.push({ kind: 'indicator', row: row++, stt: r.depth === 0 ? String(++n) : '-', data: r });
    }
  }
  return { items, rowOf };
}

/** The two heading rows and the letter row from `top`; returns the first body row. */
export function writeTableHeader(ws: ExcelJS.Worksheet, top: number, columns: DataColumn[]): number {
  const heads = ['STT', 'Chỉ tiêu', 'ĐVT'];
  heads.forEach((h, k) => headCell(ws, [top, top + 1], [k + 1, k + 1], h));
  columns.forEach((c, k) => {
    const col = k + 4;
    if (!c.group) return headCell(ws, [top, top + 1], [col, col], c.header);
    if (columns[k - 1]?.group !== c.group) headCell(ws, [top, top], [col, col + runLength(columns, k) - 1], c.group);
    headCell(ws, [top + 1, top + 1], [col, col], c.header);
  });
  [...['A', 'B', 'C'], ...columns.map((c) => c.letter)].forEach((l, k) => {
    const cell = putText(ws, top + 2, [k + 1, k + 1], l, { size: 10, italic: true, align: 'center' });
    cell.border = BOX;
  });
  const subLines = Math.max(1, ...columns.map((c) => linesFor(c.header, c.width, 11)));
  ws.getRow(top).height = heightFor(2, 11);
  ws.getRow(top + 1).height = heightFor(Math.max(2, subLines), 11);
  ws.getRow(top + 2).height = 15;
  return top + 3;
}

function runLength(columns: DataColumn[], k: number): number {
  let n = 1;
  while (columns[k + n]?.group === columns[k]!.group) n++;
  return n;
}

function headCell(ws: ExcelJS.Worksheet, rows: [number, number], cols: [number, number], text: string): void {
  if (rows[1] > rows[0] || cols[1] > cols[0]) ws.mergeCells(rows[0], cols[0], rows[1], cols[1]);
  const cell = ws.getCell(rows[0], cols[0]);
  cell.value = text;
  cell.font = font({ size: 11, bold: true });
  cell.alignment = alignment({ align: 'center', wrap: true });
  for (let r = rows[0]; r <= rows[1]; r++) for (let c = cols[0]; c <= cols[1]; c++) ws.getCell(r, c).border = BOX;
}

export interface WriteCounts { cells: number; formulas: number }

/** The body: group rows and indicator rows, each data cell from `contents`. */
export function writeTableBody(ws: ExcelJS.Worksheet, plan: TablePlan, columns: DataColumn[], contents: (r: IndicatorRow) => CellContent[]): WriteCounts {
  const counts: WriteCounts = { cells: 0, formulas: 0 };
  const last = columns.length + 3;
  for (const item of plan.items) {
    if (item.kind === 'group') {
      textCell(ws, item.row, 1, item.code, { bold: true, align: 'center' });
      textCell(ws, item.row, 2, item.name, { bold: true, wrap: true });
      for (let c = 3; c <= last; c++) ws.getCell(item.row, c).border = BOX;
      ws.getRow(item.row).height = heightFor(linesFor(item.name, FIXED_WIDTHS[1]! * 0.9));
      continue;
    }
    const ind = item.data.indicator;
    textCell(ws, item.row, 1, item.stt, { align: 'center' });
    textCell(ws, item.row, 2, ind.name, { wrap: true, indent: item.data.depth });
    textCell(ws, item.row, 3, ind.unit, { align: 'center', wrap: true });
    contents(item.data).forEach((content, k) => {
      const cell = ws.getCell(item.row, k + 4);
      cell.value = toExcel(content);
      const shown = content.kind === 'value' ? content.value : content.kind === 'formula' ? content.result : null;
      cell.numFmt = columns[k]!.percent ? PERCENT_FMT : numFmtFor(ind, shown);
      cell.font = font();
      cell.alignment = alignment({ align: 'right' });
      cell.border = BOX;
      if (content.kind !== 'empty') counts.cells++;
      if (content.kind === 'formula') counts.formulas++;
    });
    ws.getRow(item.row).height = heightFor(Math.max(linesFor(ind.name, FIXED_WIDTHS[1]! - 2 * item.data.depth), linesFor(ind.unit, FIXED_WIDTHS[2]!)));
  }
  return counts;
}

function textCell(ws: ExcelJS.Worksheet, row: number, col: number, text: string, s: Parameters<typeof alignment>[0] & { bold?: boolean }): void {
  const cell = ws.getCell(row, col);
  cell.value = text;
  cell.font = font({ bold: s.bold ?? false });
  cell.alignment = alignment(s);
  cell.border = BOX;
}
