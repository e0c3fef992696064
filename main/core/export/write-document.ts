/**
 * One report sheet from top to bottom, the same for both layouts: header block, table, notes,
 * signatures; A4 landscape, fitted to the page width, the table's heading rows repeated on every
 * printed page. The layouts only say which data columns there are and what goes in their cells.
 */
import type ExcelJS from 'exceljs';
import type { ExportData, IndicatorRow } from './export-data';
import type { CellContent } from './formulas';
import { percentFormula } from './formulas';
import type { ExportSettings } from './settings';
import { addr, colLetter } from './sheet-style';
import { TABLE_TOP, frameFor, writeHeaderBlock } from './write-header-block';
import { writeNotes, writeSignature } from './write-signature';
import type { DataColumn, TablePlan, WriteCounts } from './write-table';
import { FIXED_WIDTHS, planTable, writeTableBody, writeTableHeader } from './write-table';

/** The data columns after STT, Chỉ tiêu, ĐVT: the parts, then these four. */
export type Slot = number | 'total' | 'ytd' | 'lastYear' | 'change';

export interface SheetResult extends WriteCounts {
  sheet: ExcelJS.Worksheet;
  /** The address of an indicator's cell in a slot, e.g. ("NHA_XD", 0) → "D13". */
  cellOf(indicator: string, slot: Slot): string;
}

export interface DocumentSpec {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: DataColumn[];
  /** The cells of a row, given where every indicator's cells are. */
  contents(row: IndicatorRow, cellOf: (indicator: string, slot: Slot) => string): CellContent[];
}

export function writeDocument(wb: ExcelJS.Workbook, data: ExportData, s: ExportSettings, today: Date, doc: DocumentSpec): SheetResult {
  // Views and fit-to-page go in as the sheet is added: exceljs's streaming writer writes them then.
  // The report is the selected sheet: Excel's Ctrl+P prints the selected sheets, so it prints alone.
  const ws = wb.addWorksheet(doc.sheetName, { views: [REPORT_VIEW], pageSetup: { fitToPage: true } });
  const widths = [...FIXED_WIDTHS, ...doc.columns.map((c) => c.width)];
  widths.forEach((w, k) => { ws.getColumn(k + 1).width = w; });
  const frame = frameFor(widths);
  const top = writeHeaderBlock(ws, frame, s, { title: doc.title, subtitle: doc.subtitle, today });
  const first = writeTableHeader(ws, top, doc.columns);
  const plan = planTable(data.groups, data.rows, first);
  const cellOf = slotAddress(plan, data.partLabels.length);
  const counts = writeTableBody(ws, plan, doc.columns, (r) => doc.contents(r, cellOf));
  const lastRow = Math.max(first, ...plan.items.map((i) => i.row));
  const afterNotes = writeNotes(ws, frame, lastRow + 2, data.notes);
  const end = writeSignature(ws, frame, afterNotes, s);
  // exceljs writes the range as `$` + each end, so "A$1" comes out as Excel's own "$A$1".
  pageSetup(ws, top, `A$1:${colLetter(widths.length)}$${end - 1}`);
  return { sheet: ws, cellOf, ...counts };
}

/** Frozen on the table's heading; `tabSelected` is written by exceljs's sheet view, though its types omit it. */
const REPORT_VIEW = { state: 'frozen', xSplit: 3, ySplit: TABLE_TOP + 2, tabSelected: true } as Partial<ExcelJS.WorksheetView>;

function slotAddress(plan: TablePlan, parts: number) {
  return (indicator: string, slot: Slot): string => {
    const row = plan.rowOf.get(indicator);
    if (row === undefined) throw new Error(`Chỉ tiêu ${indicator} không có trong biểu`);
    return addr(slotColumn(parts, slot), row);
  };
}

export function slotColumn(parts: number, slot: Slot): number {
  if (typeof slot === 'number') return 4 + slot;
  return 4 + parts + ['total', 'ytd', 'lastYear', 'change'].indexOf(slot);
}

/** A rate's cells, every one from the numerator's and denominator's cells beside it; and the change. */
export function rateCells(r: IndicatorRow, at: (indicator: string, slot: Slot) => string): CellContent[] {
  const num = r.indicator.rate!.numerator;
  const den = r.indicator.rate!.denominator;
  const cell = (slot: Slot, value: number | null) => percentFormula(at(num, slot), at(den, slot), value);
  return [
    ...r.parts.map((p, k) => cell(k, p.value)),
    cell('total', r.total.value), cell('ytd', r.ytd.value), cell('lastYear', r.lastYear.value), changeCell(r, at),
  ];
}

/** "So sánh (%)": the total as a percentage of last year's. */
export function changeCell(r: IndicatorRow, at: (indicator: string, slot: Slot) => string): CellContent {
  const code = r.indicator.code;
  return percentFormula(at(code, 'total'), at(code, 'lastYear'), r.change);
}

/**
 * The report's print area is the document itself, header to signatures: printing the report
 * (or a PDF of it) is the report alone, never the flags or provenance lists beside it.
 */
function pageSetup(ws: ExcelJS.Worksheet, top: number, printArea: string): void {
  ws.pageSetup = {
    printArea, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: `${top}:${top + 2}`, horizontalCentered: true,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C&"Times New Roman"&10Trang &P/&N' };
}
