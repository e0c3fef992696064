/**
 * The figures grid as the person sees it, as a workbook of one sheet: a title, the columns shown
 * in their order, the rows as filtered and sorted. Numbers stay numbers (a reader adds them up in
 * Excel), in the report's number formats: whole numbers as "#,##0", fractions kept ("#,##0.0#").
 */
import ExcelJS from 'exceljs';
import type { Args } from '../../../shared/api';
import { BOX, font, PERCENT_FMT } from './sheet-style';

const HEAD = 3;

export async function gridWorkbook(grid: Args<'exportGrid'>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tổng Hợp';
  const ws = wb.addWorksheet('Số liệu', { views: [{ state: 'frozen', xSplit: 1, ySplit: HEAD }] });
  ws.getCell(1, 1).value = grid.title;
  ws.getCell(1, 1).font = font({ size: 13, bold: true });
  grid.columns.forEach((c, k) => {
    const cell = ws.getCell(HEAD, k + 1);
    cell.value = c.header;
    cell.font = font({ size: 11, bold: true });
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BOX;
    ws.getColumn(k + 1).width = k === 0 ? 34 : 16;
  });
  grid.rows.forEach((row, r) => {
    row.forEach((v, k) => {
      const cell = ws.getCell(HEAD + 1 + r, k + 1);
      cell.value = v;
      cell.font = font({ size: 11 });
      cell.border = BOX;
      if (typeof v === 'number') cell.numFmt = grid.columns[k]?.decimals ? decimalsFmt(v) : Number.isInteger(v) ? '#,##0' : '#,##0.0#';
    });
  });
  ws.autoFilter = { from: { row: HEAD, column: 1 }, to: { row: HEAD + grid.rows.length, column: grid.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A column whose figures have decimals (rates, ha, kg): one decimal at least, two where typed. */
function decimalsFmt(v: number): string {
  return Number.isInteger(v * 10) ? PERCENT_FMT : '#,##0.0#';
}
