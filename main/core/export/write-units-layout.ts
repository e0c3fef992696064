/**
 * Sheet "Tổng hợp", units layout: a column per district unit, then "Toàn tỉnh" (a SUM over the unit
 * columns), "Lũy kế năm", "Cùng kỳ năm trước" and "So sánh (%)". Unit cells are the app's figures
 * (for a quarter or half-year, its sums); every total, rate and change is a live formula that
 * carries the app's own result.
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

export const SUMMARY_SHEET = 'Tổng hợp';

export function writeUnitsLayout(wb: ExcelJS.Workbook, data: ExportData, s: ExportSettings, today: Date): SheetResult {
  const n = data.partLabels.length;
  const columns: DataColumn[] = [
    ...data.partLabels.map((label, k) => ({ header: label, group: s.unitsHeading || undefined, letter: String(k + 1), width: 9.5 })),
    { header: s.provinceLabel, letter: String(n + 1), width: 11 },
    { header: 'Lũy kế năm', letter: String(n + 2), width: 11 },
    { header: 'Cùng kỳ năm trước', letter: String(n + 3), width: 11 },
    { header: 'So sánh (%)', letter: `${n + 4} = ${n + 1}/${n + 3}`, width: 10, percent: true },
  ];
  return writeDocument(wb, data, s, today, {
    sheetName: SUMMARY_SHEET, title: s.title, subtitle: `Kỳ báo cáo: ${periodWords(data.spec)}`, columns,
    contents: (r, at) => (r.indicator.kind === 'rate' ? rateCells(r, at) : unitsCells(r, n, at)),
  });
}

function unitsCells(r: IndicatorRow, n: number, at: (indicator: string, slot: Slot) => string): CellContent[] {
  const code = r.indicator.code;
  // A flow's year-to-date adds up figures that are not in the workbook (earlier months, units'
  // own year-to-date): a value. A stock's or plan's is its level: the total cell.
  const ytd = r.indicator.kind === 'flow' ? valueCell(r.ytd.value) : refFormula(at(code, 'total'), r.ytd.value);
  return [
    ...r.parts.map((p) => valueCell(p.value)),
    sumFormula(`${at(code, 0)}:${at(code, n - 1)}`, r.total.value),
    ytd,
    valueCell(r.lastYear.value),
    changeCell(r, at),
  ];
}
