/**
 * Sheet "Cần kiểm tra": the flags still open on the exported units and months, so whoever reads
 * the workbook knows which figures a reviewer has not yet decided on, and where they came from.
 */
import type ExcelJS from 'exceljs';
import type { Flag } from '../../../shared/types';
import { periodLabel } from '../reconcile/format';
import { ruleWords } from '../reconcile/rule-names';
import { severityWords } from './export-flags';
import { alignment, BOX, font, heightFor, linesFor, putText } from './sheet-style';

export const FLAGS_SHEET = 'Cần kiểm tra';

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Mức độ', width: 11 },
  { header: 'Loại kiểm tra', width: 26 },
  { header: 'Đơn vị', width: 22 },
  { header: 'Kỳ', width: 14 },
  { header: 'Nội dung', width: 70 },
  { header: 'Nguồn (tệp, trang, ô)', width: 46 },
];

export function writeFlagsSheet(wb: ExcelJS.Workbook, flags: Flag[], units: Map<string, string>, periodText: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(FLAGS_SHEET);
  COLUMNS.forEach((c, k) => { ws.getColumn(k + 1).width = c.width; });
  putText(ws, 1, [1, COLUMNS.length], 'CÁC CẢNH BÁO CHƯA XỬ LÝ', { size: 14, bold: true, align: 'center' });
  putText(ws, 2, [1, COLUMNS.length], `Kỳ báo cáo: ${periodText} — ${flags.length} cảnh báo`, { size: 12, italic: true, align: 'center' });
  COLUMNS.forEach((c, k) => {
    const cell = putText(ws, 4, [k + 1, k + 1], c.header, { size: 11, bold: true, align: 'center', wrap: true });
    cell.border = BOX;
  });
  if (flags.length === 0) {
    putText(ws, 5, [1, COLUMNS.length], 'Không còn cảnh báo nào chưa xử lý cho các đơn vị và kỳ trong biểu.', { italic: true });
  }
  flags.forEach((f, k) => writeFlagRow(ws, 5 + k, k + 1, f, units));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' };
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return ws;
}

function writeFlagRow(ws: ExcelJS.Worksheet, row: number, n: number, f: Flag, units: Map<string, string>): void {
  const sources = [...new Set(f.figures.filter((g) => g.file).map((g) => `${g.file}, trang ${g.sheet}, ô ${g.cell}`))].join('\n');
  const values = [String(n), severityWords(f.severity), ruleWords(f.rule), units.get(f.unit) ?? f.unit, periodLabel(f.period), f.message, sources];
  values.forEach((v, k) => {
    const cell = ws.getCell(row, k + 1);
    cell.value = v;
    cell.font = font({ size: 11 });
    cell.alignment = alignment({ wrap: true, valign: 'top', align: k === 0 ? 'center' : 'left' });
    cell.border = BOX;
  });
  const lines = Math.max(linesFor(f.message, COLUMNS[5]!.width, 11), linesFor(sources, COLUMNS[6]!.width, 11));
  ws.getRow(row).height = heightFor(lines, 11);
}
