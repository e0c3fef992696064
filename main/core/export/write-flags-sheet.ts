/**
 * Sheet "Cần kiểm tra": the flags still open on the exported units and months, so whoever reads
 * the workbook knows which figures a reviewer has not yet decided on, and where they came from.
 */
import type ExcelJS from 'exceljs';
import type { Flag } from '../../../shared/types';
import { periodLabel } from '../reconcile/format';
import { ruleWords } from '../reconcile/rule-names';
import { severityWords } from './export-flags';
import type { ListColumn } from './sheet-style';
import { LIST_SHEET_OPTIONS, commitListRow, frameListSheet, letTheWriterCatchUp, linesFor, listRowStyles, putText } from './sheet-style';

export const FLAGS_SHEET = 'Cần kiểm tra';

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Mức độ', width: 11 },
  { header: 'Loại kiểm tra', width: 26 },
  { header: 'Đơn vị', width: 22 },
  { header: 'Kỳ', width: 14 },
  { header: 'Nội dung', width: 70 },
  { header: 'Nguồn (tệp, trang tính, ô)', width: 46 },
];
const ROW_STYLES = listRowStyles(COLUMNS);

export async function writeFlagsSheet(wb: ExcelJS.Workbook, flags: Flag[], units: Map<string, string>, periodText: string): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(FLAGS_SHEET, LIST_SHEET_OPTIONS);
  frameListSheet(ws, COLUMNS, 'CÁC CẢNH BÁO CHƯA XỬ LÝ', `Kỳ báo cáo: ${periodText} — ${flags.length} cảnh báo`);
  if (flags.length === 0) {
    putText(ws, 5, [1, COLUMNS.length], 'Không còn cảnh báo nào chưa xử lý cho các đơn vị và kỳ trong biểu.', { italic: true });
  }
  for (const [k, f] of flags.entries()) {
    writeFlagRow(ws, 5 + k, k + 1, f, units);
    await letTheWriterCatchUp(ws, k + 1);
  }
  return ws;
}

function writeFlagRow(ws: ExcelJS.Worksheet, row: number, n: number, f: Flag, units: Map<string, string>): void {
  const sources = [...new Set(f.figures.filter((g) => g.file).map((g) => `${g.file}, trang tính ${g.sheet}, ô ${g.cell}`))].join('\n');
  const values = [String(n), severityWords(f.severity), ruleWords(f.rule), units.get(f.unit) ?? f.unit, periodLabel(f.period), f.message, sources];
  commitListRow(ws, row, values, ROW_STYLES, Math.max(linesFor(f.message, COLUMNS[5]!.width, 11), linesFor(sources, COLUMNS[6]!.width, 11)));
}
