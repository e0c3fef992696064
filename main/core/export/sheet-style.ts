/**
 * Typography and cell helpers of the official format (Decree 30/2020/NĐ-CP): Times New Roman
 * everywhere, thin borders on the table. Number formats use Excel's neutral codes: a vi-VN Excel or
 * LibreOffice shows "#,##0" as 1.800 and "#,##0.0" as 23,7 by itself.
 */
import type ExcelJS from 'exceljs';
import type { CatalogIndicator } from '../../../shared/catalog';

export const FONT_NAME = 'Times New Roman';

export interface TextStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  indent?: number;
}

export function font(s: TextStyle = {}): Partial<ExcelJS.Font> {
  return { name: FONT_NAME, size: s.size ?? 12, bold: s.bold ?? false, italic: s.italic ?? false, ...(s.underline ? { underline: true } : {}) };
}

export function alignment(s: TextStyle = {}): Partial<ExcelJS.Alignment> {
  return {
    horizontal: s.align ?? 'left', vertical: s.valign ?? 'middle', wrapText: s.wrap ?? false,
    ...(s.indent ? { indent: s.indent } : {}),
  };
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** 1 → "A", 27 → "AA": for formula text, independent of a worksheet. */
export function colLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export function addr(col: number, row: number): string {
  return `${colLetter(col)}${row}`;
}

/**
 * Counts as whole numbers; rates to one decimal; hectares and kilograms to one or two. A count
 * that holds a fraction all the same (12,5 typed in a return) keeps it in print: a figure is never
 * rounded away by its format (issue 17).
 */
export function numFmtFor(ind: CatalogIndicator, value: number | null = null): string {
  if (ind.kind === 'rate') return PERCENT_FMT;
  return ind.decimals || (value !== null && !Number.isInteger(value)) ? '#,##0.0#' : '#,##0';
}
export const PERCENT_FMT = '#,##0.0';

/** Writes text with its style into one cell, or a merged range of one row. */
export function putText(ws: ExcelJS.Worksheet, row: number, cols: [number, number], text: string, s: TextStyle = {}): ExcelJS.Cell {
  if (cols[1] > cols[0]) ws.mergeCells(row, cols[0], row, cols[1]);
  const cell = ws.getCell(row, cols[0]);
  cell.value = text;
  cell.font = font(s);
  cell.alignment = alignment(s);
  return cell;
}

/** Rows a text needs in a column of `width` characters at `size` points (a rough, generous count). */
export function linesFor(text: string, width: number, size = 12): number {
  // Times New Roman averages about one character per width unit at 12 pt (width units are
  // Calibri digits, what Excel on an office PC counts in).
  const perLine = Math.max(1, Math.floor((width * 11.5) / size));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** Height in points for `lines` lines of `size`-point text. */
export function heightFor(lines: number, size = 12): number {
  return Math.ceil(lines * size * 1.3 + 4);
}

/** A column of a list sheet (flags, provenance): its header, width, and how its cells align. */
export interface ListColumn { header: string; width: number; align?: 'center' | 'right'; numFmt?: string }

/**
 * A list sheet's frame: column widths, a title and a subtitle over the list, the column headers
 * boxed on row 4 (frozen on screen, repeated on every printed page), landscape A4 one page wide.
 */
export function frameListSheet(ws: ExcelJS.Worksheet, columns: readonly ListColumn[], title: string, subtitle: string): void {
  columns.forEach((c, k) => { ws.getColumn(k + 1).width = c.width; });
  putText(ws, 1, [1, columns.length], title, { size: 14, bold: true, align: 'center' });
  putText(ws, 2, [1, columns.length], subtitle, { size: 12, italic: true, align: 'center' });
  columns.forEach((c, k) => { putText(ws, 4, [k + 1, k + 1], c.header, { size: 11, bold: true, align: 'center', wrap: true }).border = BOX; });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' };
}

/**
 * What a list sheet is created with: exceljs's streaming writer writes a sheet's views and
 * fit-to-page setting as the sheet is added, so they cannot be set afterwards.
 */
export const LIST_SHEET_OPTIONS: Partial<ExcelJS.AddWorksheetOptions> = {
  views: [{ state: 'frozen', ySplit: 4 }],
  pageSetup: { fitToPage: true },
};

/**
 * One style object per column for a list's rows, shared by every row: exceljs recognises a style
 * object it has seen and skips working it out again, which at a nation's 100,000 rows is seconds.
 */
export function listRowStyles(columns: readonly ListColumn[]): Partial<ExcelJS.Style>[] {
  return columns.map((c) => ({
    font: font({ size: 11 }),
    alignment: alignment({ wrap: true, valign: 'top', align: c.align ?? 'left' }),
    border: BOX,
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));
}

/** Every row's own style, one object: exceljs works out a style it has not seen for each row otherwise (a fresh {} per row, 1.6 s of a nation's export). */
const LIST_ROW_STYLE: Partial<ExcelJS.Style> = {};

/** One row of a streamed list sheet, written with the columns' shared styles and sent to the file. */
export function commitListRow(ws: ExcelJS.Worksheet, row: number, values: readonly (string | number | null)[], styles: readonly Partial<ExcelJS.Style>[], lines: number): void {
  const r = ws.getRow(row);
  // exceljs has it, its types do not.
  (r as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = LIST_ROW_STYLE;
  values.forEach((v, k) => {
    const cell = r.getCell(k + 1);
    cell.value = v;
    cell.style = styles[k]!;
  });
  r.height = heightFor(lines, 11);
  // Streamed: the row goes to the file now and leaves memory.
  r.commit();
}

/**
 * Between rows of a streamed list sheet: every few hundred rows, wait until the zip has taken in
 * what was committed so far. exceljs hands each committed row to the zip's entry without heeding
 * backpressure, so a loop that does not wait piles the sheet up in memory (270 MB of a national
 * provenance sheet) before compression catches up. The entry's buffer is reached through exceljs
 * internals; where they are not as expected, the loop only lets the event loop turn.
 */
export async function letTheWriterCatchUp(ws: ExcelJS.Worksheet, rowsWritten: number): Promise<void> {
  if (rowsWritten % 500 !== 0) return;
  const started = Date.now();
  do await new Promise((resolve) => setTimeout(resolve, 0));
  while (pendingBytes(ws) > WRITER_BACKLOG && Date.now() - started < 5000);
}

const WRITER_BACKLOG = 4 * 1048576;

function pendingBytes(ws: ExcelJS.Worksheet): number {
  const entry = (ws as unknown as { _stream?: { pipes?: { _writableState?: { length?: number } }[] } })._stream?.pipes?.[0];
  return entry?._writableState?.length ?? 0;
}
