/**
 * The foot of the document: notes under the table, the signature blocks (the preparer, and the
 * head with the authority line TL./KT., the position in bold caps, room for the signature and seal,
 * the full name in bold) and "Nơi nhận:" in bold italics with its list in 11 pt.
 */
import type ExcelJS from 'exceljs';
import type { SheetFrame } from './write-header-block';
import type { ExportSettings } from './settings';
import { heightFor, linesFor, putText } from './sheet-style';

/** Writes the notes from `row` on; returns the next free row. */
export function writeNotes(ws: ExcelJS.Worksheet, f: SheetFrame, row: number, notes: string[]): number {
  if (notes.length === 0) return row;
  const last = f.widths.length;
  const width = f.widths.reduce((a, b) => a + b, 0);
  putText(ws, row, [1, last], 'Ghi chú:', { size: 11, bold: true, italic: true });
  notes.forEach((note, k) => {
    const text = `${k + 1}. ${note}`;
    putText(ws, row + 1 + k, [1, last], text, { size: 11, italic: true, wrap: true, valign: 'top' });
    ws.getRow(row + 1 + k).height = heightFor(linesFor(text, width, 11), 11);
  });
  return row + notes.length + 1;
}

const SIGN_SPACE = 4;

/** The signature blocks and the recipients; returns the next free row. */
export function writeSignature(ws: ExcelJS.Worksheet, f: SheetFrame, row: number, s: ExportSettings): number {
  const middle: [number, number] = [f.left[1] + 1, f.right[0] - 1];
  const middleWidth = f.widths.slice(middle[0] - 1, middle[1]).reduce((a, b) => a + b, 0);
  const top = row + 1;
  const head = headBlock(ws, f.right, top, s);
  if (middleWidth >= 20) {
    // Room for three blocks: recipients left, preparer in the middle, head right, side by side.
    const recipientsEnd = recipients(ws, f.left, top, s);
    const preparerEnd = preparer(ws, middle, top, head.titleRows, s);
    return Math.max(recipientsEnd, preparerEnd, head.end) + 1;
  }
  const preparerEnd = preparer(ws, f.left, top, head.titleRows, s);
  return recipients(ws, f.left, Math.max(preparerEnd, head.end) + 1, s) + 1;
}

function headBlock(ws: ExcelJS.Worksheet, span: [number, number], top: number, s: ExportSettings): { end: number; titleRows: number } {
  const lines = [s.signers.head.authority, s.signers.head.title].filter((t) => t.trim() !== '');
  lines.forEach((t, k) => putText(ws, top + k, span, t.toLocaleUpperCase('vi'), { size: 13, bold: true, align: 'center' }));
  const nameRow = top + lines.length + SIGN_SPACE;
  putText(ws, nameRow, span, s.signers.head.name, { size: 13, bold: true, align: 'center' });
  return { end: nameRow, titleRows: lines.length };
}

/** The preparer's name on the same row as the head's, so the two signatures line up. */
function preparer(ws: ExcelJS.Worksheet, span: [number, number], top: number, headTitleRows: number, s: ExportSettings): number {
  putText(ws, top, span, s.signers.preparer.title.toLocaleUpperCase('vi'), { size: 13, bold: true, align: 'center' });
  const nameRow = top + Math.max(1, headTitleRows) + SIGN_SPACE;
  putText(ws, nameRow, span, s.signers.preparer.name, { size: 13, bold: true, align: 'center' });
  return nameRow;
}

function recipients(ws: ExcelJS.Worksheet, span: [number, number], top: number, s: ExportSettings): number {
  if (s.recipients.length === 0) return top;
  putText(ws, top, span, 'Nơi nhận:', { size: 12, bold: true, italic: true });
  s.recipients.forEach((r, k) => putText(ws, top + 1 + k, span, r, { size: 11 }));
  return top + s.recipients.length;
}
