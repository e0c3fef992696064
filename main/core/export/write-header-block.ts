/**
 * The top of an official document (Decree 30/2020/NĐ-CP, Appendix I): the agency block top left
 * (parent body in caps, issuing body in bold caps, a short rule under), the national motto top right
 * (bold, a rule as long as the motto under it), the form number and the place-and-date line, the
 * title, the period, and the "Đơn vị tính" line above the table.
 */
import type ExcelJS from 'exceljs';
import type { ExportSettings } from './settings';
import { putText } from './sheet-style';

/** Where the two blocks sit: column spans of the shared grid, with every column's width. */
export interface SheetFrame {
  /** Width of columns 1..n, in characters. */
  widths: number[];
  left: [number, number];
  right: [number, number];
}

export interface HeaderText { title: string; subtitle: string; today: Date }

/** The agency block over the first columns (≥ 50 characters), the motto over the last (≥ 62). */
export function frameFor(widths: number[]): SheetFrame {
  let leftEnd = 1;
  for (let w = widths[0] ?? 0; w < 50 && leftEnd < widths.length; w += widths[leftEnd++] ?? 0);
  let rightStart = widths.length;
  for (let w = widths.at(-1) ?? 0; w < 62 && rightStart > leftEnd + 1; w += widths[--rightStart - 1] ?? 0);
  return { widths, left: [1, leftEnd], right: [rightStart, widths.length] };
}

/** Writes rows 1–8 and returns the first row for the table. */
/** The row the table starts on, under the header block (the sheet's frozen panes are set from it before the block is written). */
export const TABLE_TOP = 9;

export function writeHeaderBlock(ws: ExcelJS.Worksheet, f: SheetFrame, s: ExportSettings, h: HeaderText): number {
  const last = f.widths.length;
  putText(ws, 1, f.left, s.agency.parent.toLocaleUpperCase('vi'), { size: 13, align: 'center' });
  putText(ws, 2, f.left, s.agency.issuer.toLocaleUpperCase('vi'), { size: 13, bold: true, align: 'center', valign: 'bottom' });
  putText(ws, 1, f.right, s.nation, { size: 13, bold: true, align: 'center' });
  putText(ws, 2, f.right, s.motto, { size: 14, bold: true, align: 'center', valign: 'bottom' });
  ws.getRow(1).height = 19;
  ws.getRow(2).height = 20;
  ws.getRow(3).height = 9;
  // Decree 30: a rule of a third to a half of the issuing body's name; one as long as the motto.
  shortRule(ws, f.left, Math.max(40, textPt(s.agency.issuer, 13) * 0.45));
  shortRule(ws, f.right, textPt(s.motto, 14) * 0.85);
  putText(ws, 4, f.left, s.formNumber, { size: 12, bold: true, align: 'center' });
  putText(ws, 4, f.right, dateLine(s.place, h.today), { size: 13, italic: true, align: 'center' });
  ws.getRow(4).height = 20;
  ws.getRow(5).height = 10;
  putText(ws, 6, [1, last], h.title, { size: 14, bold: true, align: 'center' });
  putText(ws, 7, [1, last], h.subtitle, { size: 13, bold: true, italic: true, align: 'center' });
  ws.getRow(6).height = 21;
  ws.getRow(7).height = 19;
  putText(ws, 8, f.right, s.unitLine, { size: 12, italic: true, align: 'right' });
  ws.getRow(8).height = 18;
  return TABLE_TOP;
}

/** "Nghệ An, ngày 05 tháng 02 năm 2024": days below 10 and months 1–2 with a leading zero. */
export function dateLine(place: string, d: Date): string {
  const day = String(d.getDate()).padStart(2, '0');
  const month = d.getMonth() + 1;
  return `${place}, ngày ${day} tháng ${month <= 2 ? `0${month}` : month} năm ${d.getFullYear()}`;
}

/** Rough printed width of bold Times New Roman text, in points. */
function textPt(text: string, size: number): number {
  const caps = text === text.toLocaleUpperCase('vi');
  return text.length * size * (caps ? 0.68 : 0.5);
}

// A line of box-drawing characters centred in the block: a cell border cannot be shorter than
// its cell, and a drawn line's position depends on the reader's default font (column widths are
// counted in its digits), while centred text stays centred in any spreadsheet.
const RULE_CHAR = '\u2500';
const RULE_SIZE = 7;
const RULE_ADVANCE = 0.6;

function shortRule(ws: ExcelJS.Worksheet, span: [number, number], lengthPt: number): void {
  const n = Math.max(4, Math.round(lengthPt / (RULE_SIZE * RULE_ADVANCE)));
  putText(ws, 3, span, RULE_CHAR.repeat(n), { size: RULE_SIZE, align: 'center', valign: 'top' });
}
