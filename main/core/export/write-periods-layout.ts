/**
 * Sheet "Tổng hợp", periods layout: one unit (or the province) with a column per month of the
 * period, then "Cộng" — a SUM of the months for flows, the latest month's cell for stocks and plans,
 * recomputed for rates — "Lũy kế năm", "Cùng kỳ năm trước" and "So sánh (%)".
 */
import type ExcelJS from 'exceljs';
import type { ExportData, IndicatorRow } from './export-data';
import type { CellContent } from './formulas';
import { refFormula, sumFormula, valueCell } from './formulas';
import { periodWords } from './period-spec';
import type { ExportSettings } from './settings';
import type { SheetResult, Slot } from './write-document';
import { changeCell, rateCells, writeDocument } from './write-document';
import type { DataColumn } from './write-table';
import { SUMMARY_SHEET } from './write-units-layout';

export function writePeriodsLayout(wb: ExcelJS.Workbook, data: ExportData, s: ExportSettings, today: Date): SheetResult {
  const n = data.partLabels.length;
  const columns: DataColumn[] = [
    ...data.partLabels.map((label, k) => ({ header: label, letter: String(k + 1), width: 11 })),
    { header: 'Cộng', letter: String(n + 1), width: 12 },
    { header: 'Lũy kế năm', letter: String(n + 2), width: 12 },
    { header: 'Cùng kỳ năm trước', letter: String(n + 3), width: 12 },
    { header: 'So sánh (%)', letter: `${n + 4} = ${n + 1}/${n + 3}`, width: 10, percent: true },
  ];
  // The year-to-date is a formula only where it is the sum of month cells the sheet shows.
  const fromJanuary = data.spec.monthNumbers[0] === 1;
  return writeDocument(wb, data, s, today, {
    sheetName: SUMMARY_SHEET, title: s.title, subtitle: `Đơn vị: ${data.subject} — kỳ báo cáo: ${periodWords(data.spec)}`, columns,
    contents: (r, at) => (r.indicator.kind === 'rate' ? rateCells(r, at) : periodsCells(r, n, fromJanuary, at)),
  });
}

function periodsCells(r: IndicatorRow, n: number, fromJanuary: boolean, at: (indicator: string, slot: Slot) => string): CellContent[] {
  const code = r.indicator.code;
  const months = `${at(code, 0)}:${at(code, n - 1)}`;
  const flow = r.indicator.kind === 'flow';
  const latest = Math.max(0, r.parts.map((p) => p.value !== null).lastIndexOf(true));
  const total = flow ? sumFormula(months, r.total.value) : refFormula(at(code, latest), r.total.value);
  let ytd: CellContent;
  if (!flow) ytd = refFormula(at(code, 'total'), r.ytd.value);
  else if (fromJanuary && r.ytd.fromMonths) ytd = sumFormula(months, r.ytd.value);
  else ytd = valueCell(r.ytd.value);
  return [...r.parts.map((p) => valueCell(p.value)), total, ytd, valueCell(r.lastYear.value), changeCell(r, at)];
}
