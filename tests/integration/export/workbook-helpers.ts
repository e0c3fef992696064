/** Reading back an exported workbook: find a row by its label, a column by its heading. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellFormulaValue } from 'exceljs';

export const SAMPLES = path.resolve(__dirname, '../../../../shared/samples/returns-2023');

export async function openWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** The row whose column B (Chỉ tiêu) is `label`. */
export function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  let found = -1;
  ws.getColumn(2).eachCell((cell, row) => { if (found < 0 && cell.value === label) found = row; });
  if (found < 0) throw new Error(`no row “${label}”`);
  return found;
}

/** The column whose heading (in the table's heading rows) is `heading`. */
export function colOf(ws: ExcelJS.Worksheet, heading: string, headingRows = [9, 10]): number {
  for (const r of headingRows) {
    let found = -1;
    ws.getRow(r).eachCell((cell, col) => { if (found < 0 && cell.value === heading) found = col; });
    if (found > 0) return found;
  }
  throw new Error(`no column “${heading}”`);
}

/** A cell's number: the value, or a formula's cached result; null where empty. */
export function numberAt(ws: ExcelJS.Worksheet, row: number, col: number): number | null {
  const v = ws.getCell(row, col).value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'formula' in v) {
    const r = (v as CellFormulaValue).result;
    return typeof r === 'number' ? r : null;
  }
  return null;
}

export function textsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') out.push(cell.value); }));
  return out;
}
