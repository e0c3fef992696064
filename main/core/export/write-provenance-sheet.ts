/**
 * Sheet "Nguồn số liệu": for every number of the table, how it was made and the files, sheets and
 * cells it comes from, with each reviewer's decision on them (a correction: by whom, when, why; a
 * choice between two submissions). Year-to-date and last-year totals are listed per unit too, since
 * their parts are not in the table.
 */
import type ExcelJS from 'exceljs';
import type { Figure } from './aggregate';
import type { ExportData, IndicatorRow } from './export-data';
import type { SourceFigure } from './load-figures';
import { periodLabel } from '../reconcile/format';
import { dmy } from './export-notes';
import type { ListColumn } from './sheet-style';
import { LIST_SHEET_OPTIONS, commitListRow, frameListSheet, letTheWriterCatchUp, linesFor, listRowStyles } from './sheet-style';
import { displayUnitName } from './unit-columns';
import type { SheetResult, Slot } from './write-document';

export const PROVENANCE_SHEET = 'Nguồn số liệu';

const COLUMNS: ListColumn[] = [
  { header: 'STT', width: 6, align: 'center' }, { header: 'Ô trong biểu', width: 10, align: 'center' }, { header: 'Cột', width: 24 },
  { header: 'Chỉ tiêu', width: 36 }, { header: 'Giá trị', width: 12, align: 'right', numFmt: '#,##0.##' }, { header: 'Cách tính', width: 44 },
  { header: 'Nguồn (tệp, trang tính, ô, số ghi trong ô)', width: 60 }, { header: 'Quyết định của người kiểm tra', width: 44 },
];
const ROW_STYLES = listRowStyles(COLUMNS);

interface Line { cell: string; column: string; row: IndicatorRow; figure: Figure }

export async function writeProvenanceSheet(wb: ExcelJS.Workbook, data: ExportData, table: SheetResult, totalLabel: string): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(PROVENANCE_SHEET, LIST_SHEET_OPTIONS);
  frameListSheet(ws, COLUMNS, 'NGUỒN CỦA TỪNG SỐ LIỆU TRONG BIỂU', `Trang tính “${table.sheet.name}” — ${data.subject}`);
  const names = unitNames(data);
  const lines = data.rows.flatMap((r) => linesOf(r, data, table, totalLabel));
  for (const [k, line] of lines.entries()) {
    writeLine(ws, 5 + k, k + 1, line, names);
    await letTheWriterCatchUp(ws, k + 1);
  }
  return ws;
}

function linesOf(r: IndicatorRow, data: ExportData, table: SheetResult, totalLabel: string): Line[] {
  const at = (slot: Slot) => table.cellOf(r.indicator.code, slot);
  const lines: Line[] = r.parts.map((figure, k) => ({ cell: at(k), column: data.partLabels[k]!, row: r, figure }));
  lines.push({ cell: at('total'), column: totalLabel, row: r, figure: r.total });
  lines.push({ cell: at('ytd'), column: 'Lũy kế năm', row: r, figure: r.ytd });
  if (r.ytdParts.length > 1) {
    const shown = listedAt(lines);
    for (const p of r.ytdParts) {
      const same = shown(p.figure);
      const figure = same === undefined ? p.figure : { ...p.figure, method: `${p.figure.method}; cùng các ô nguồn với ô ${same}`, sources: [] };
      lines.push({ cell: `(→ ${at('ytd')})`, column: `Lũy kế năm — ${p.name}`, row: r, figure });
    }
  }
  lines.push({ cell: at('lastYear'), column: 'Cùng kỳ năm trước', row: r, figure: r.lastYear });
  for (const p of r.lastYearParts.filter((q) => q.figure.value !== null && r.lastYearParts.length > 1)) {
    lines.push({ cell: `(→ ${at('lastYear')})`, column: `Cùng kỳ năm trước — ${p.name}`, row: r, figure: p.figure });
  }
  const change: Figure = { value: r.change, method: `= ô ${at('total')} / ô ${at('lastYear')} × 100, làm tròn 1 chữ số thập phân`, sources: [], fromMonths: false };
  lines.push({ cell: at('change'), column: 'So sánh (%)', row: r, figure: change });
  return lines;
}

/**
 * Where a figure of the same value from the same cells is already listed (a year's or January's
 * year-to-date is the period itself): its cell, so the sheet names it instead of repeating every
 * source (half a nation's year export was such repeats).
 */
function listedAt(lines: Line[]): (f: Figure) => string | undefined {
  const byFirst = new Map<SourceFigure, Line[]>();
  for (const l of lines) {
    const first = l.figure.sources[0];
    if (first) byFirst.set(first, [...(byFirst.get(first) ?? []), l]);
  }
  const same = (a: Figure, b: Figure) => a.value === b.value && a.sources.length === b.sources.length && a.sources.every((s, k) => s === b.sources[k]);
  return (f) => {
    const first = f.sources[0];
    return first ? byFirst.get(first)?.find((l) => same(l.figure, f))?.cell : undefined;
  };
}

function writeLine(ws: ExcelJS.Worksheet, row: number, n: number, l: Line, names: Map<string, string>): void {
  const sources = l.figure.sources.map((s) => sourceText(s, names)).join('\n');
  const decisions = [...new Set(l.figure.sources.flatMap((s) => decisionTexts(s, names)))].join('\n');
  const values: (string | number | null)[] = [n, l.cell, l.column, l.row.indicator.name, l.figure.value, l.figure.method, sources, decisions];
  commitListRow(ws, row, values, ROW_STYLES, Math.max(linesFor(l.figure.method, COLUMNS[5]!.width, 11), linesFor(sources, COLUMNS[6]!.width, 11), linesFor(decisions, COLUMNS[7]!.width, 11)));
}

function sourceText(s: SourceFigure, names: Map<string, string>): string {
  const measure = s.measure === 'ytd' ? ', lũy kế' : '';
  return `${names.get(s.unit) ?? s.unit} (${periodLabel(s.period)}${measure}): tệp ${s.file}, trang tính ${s.sheet}, ô ${s.cell} (ghi “${s.raw}”)`;
}

function decisionTexts(s: SourceFigure, names: Map<string, string>): string[] {
  const when = (at: string) => `${dmy(at)} ${at.slice(11, 16)}`.trim();
  return [
    ...s.corrections.map((c) => `Sửa ô ${s.cell} tệp ${s.file} từ ${c.oldValue} thành ${c.value}: ${c.user}, ${when(c.at)}, lý do: ${c.reason}`),
    ...s.choices.map((c) => `Chọn tệp ${c.file} cho ${names.get(s.unit) ?? s.unit} ${periodLabel(s.period)}: ${c.user}, ${when(c.at)}, lý do: ${c.reason}`),
  ];
}

function unitNames(data: ExportData): Map<string, string> {
  return new Map(data.columns.flatMap((c) => [...c.members, ...c.lastYearMembers]).map((u) => [u.code, displayUnitName(u.name)]));
}
