/**
 * One return -> an exceljs workbook in its layout, and the list of figures written with their sheet
 * and cell (the answer key's values). Laying out is separate from writing, so the key can be made
 * without building any workbook.
 */
import ExcelJS from 'exceljs';
import { communeSheet } from './layout-communes';
import type { ReturnDoc } from './layout-common';
import { listSheet } from './layout-list';
import { wideSheet } from './layout-wide';
import type { CellStyle, CellValue, Figure, SheetPlan } from './sheet-plan';
import { sheetName, wideSheetName } from './style';
import { stampZip } from './zip-date';

export type { ReturnDoc } from './layout-common';

export interface ReturnPlan { sheets: SheetPlan[]; figures: Figure[] }

const emptySheet = (name: string): SheetPlan => ({ name, cells: [], merges: [], widths: [], landscape: false });

/** The sheets of a return and the figures on them, in the order written. */
export function planReturn(given: ReturnDoc): ReturnPlan {
  // A fresh stream each time, so laying out for the key and again for the file give the same sheets.
  const doc = { ...given, rng: given.rng.fork('layout') };
  const figures: Figure[] = [];
  const s = doc.style;
  const m = doc.months[0]!;
  const sheets =
    doc.layout === 'D' ? [wideSheet(doc, wideSheetName(doc.year, doc.months, s), figures)]
      : doc.layout === 'C' ? [listSheet(doc, sheetName('summary', m, s), figures), communeSheet(doc, sheetName('communes', m, s), figures)]
        : [listSheet(doc, sheetName('month', m, s), figures)];
  if (s.extraSheets) sheets.push(emptySheet(sheets.some((x) => x.name === 'Sheet2') ? 'Sheet3' : 'Sheet2'));
  return { sheets, figures };
}

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  agency: { font: { name: FONT, size: 12 }, alignment: center },
  agencyBold: { font: { name: FONT, size: 12, bold: true }, alignment: center },
  motto: { font: { name: FONT, size: 12, bold: true }, alignment: center },
  mottoSub: { font: { name: FONT, size: 13, bold: true }, alignment: center },
  date: { font: { name: FONT, size: 13, italic: true }, alignment: center },
  title: { font: { name: FONT, size: 14, bold: true }, alignment: center },
  subtitle: { font: { name: FONT, size: 13, bold: true }, alignment: center },
  head: { font: { name: FONT, size: 12, bold: true }, alignment: center, border: THIN },
  group: { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: 'middle' }, border: THIN },
  label: { font: { name: FONT, size: 12 }, alignment: { vertical: 'middle', wrapText: true }, border: THIN },
  num: { font: { name: FONT, size: 12 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: THIN, numFmt: '#,##0' },
  text: { font: { name: FONT, size: 12 }, alignment: center, border: THIN },
  sign: { font: { name: FONT, size: 13, bold: true }, alignment: center },
  signName: { font: { name: FONT, size: 13, bold: true }, alignment: center },
  recipients: { font: { name: FONT, size: 11 } },
  recipientsHead: { font: { name: FONT, size: 12, bold: true, italic: true } },
  plain: { font: { name: FONT, size: 12 } },
};
/** Fractions and text keep the general format: "#,##0" would show 0,39 as 0. */
const NUM_GENERAL: Partial<ExcelJS.Style> = { ...STYLES.num, numFmt: 'General' };

function styleOf(style: CellStyle, value: CellValue | null): Partial<ExcelJS.Style> {
  if (style !== 'num') return STYLES[style];
  const n = typeof value === 'number' ? value : value !== null && typeof value === 'object' ? value.result : NaN;
  return Number.isInteger(n) ? STYLES.num : NUM_GENERAL;
}

function renderSheet(wb: ExcelJS.Workbook, sp: SheetPlan): void {
  const ws = wb.addWorksheet(sp.name, {
    pageSetup: { paperSize: 9, orientation: sp.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sp.widths.forEach((w, c) => { if (w) ws.getColumn(c).width = w; });
  for (const cell of sp.cells) {
    const x = ws.getCell(cell.r, cell.c);
    if (cell.value !== null) x.value = cell.value;
    x.style = styleOf(cell.style, cell.value);
  }
  for (const [r1, c1, r2, c2] of sp.merges) ws.mergeCells(r1, c1, r2, c2);
}

/** The workbook of a plan; dates fixed so that the same seed writes the same content. */
export function renderWorkbook(plan: ReturnPlan, created: Date, creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = created;
  wb.modified = created;
  for (const sp of plan.sheets) renderSheet(wb, sp);
  return wb;
}

/** The date a return is written on: late in its last month. */
export const writtenOn = (doc: ReturnDoc): Date => new Date(Date.UTC(doc.year, doc.months[doc.months.length - 1]! - 1, 28, 9));

/** One return -> its workbook and the figures written in it. */
export function writeReturn(doc: ReturnDoc): { workbook: ExcelJS.Workbook; figures: Figure[] } {
  const plan = planReturn(doc);
  return { workbook: renderWorkbook(plan, writtenOn(doc), `Công an ${doc.unit.name}`), figures: plan.figures };
}

/** One return -> the bytes of its .xlsx, the same for the same seed. */
export async function returnBytes(doc: ReturnDoc): Promise<Buffer> {
  const buf = Buffer.from(await writeReturn(doc).workbook.xlsx.writeBuffer());
  return stampZip(buf, writtenOn(doc));
}
