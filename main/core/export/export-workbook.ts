/**
 * The consolidated workbook an office sends upward: sheet "Tổng hợp" in the official format with
 * live formulas carrying the app's own results, "Cần kiểm tra" with the flags still open, and
 * "Nguồn số liệu" with where every number comes from.
 */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Database } from '../store/db';
import type { CatalogFile } from '../../../shared/catalog';
import { loadCatalog } from '../catalog/load-catalog';
import { buildExportData } from './export-data';
import type { Layout } from './export-data';
import { openFlagsFor, refuseIfOpen } from './export-flags';
import { periodWords } from './period-spec';
import type { ExportSettings, PartialSettings } from './settings';
import { loadExportSettings } from './settings';
import { FLAGS_SHEET, writeFlagsSheet } from './write-flags-sheet';
import { writePeriodsLayout } from './write-periods-layout';
import { PROVENANCE_SHEET, writeProvenanceSheet } from './write-provenance-sheet';
import { writeUnitsLayout } from './write-units-layout';
import { timed, timedAsync } from '../phase-times';

export { ExportRefused } from './export-flags';

export interface ExportOptions {
  /** "2023-06", "2023-Q2", "2023-H1", "2023-9M", "2023". */
  period: string;
  /** A column per unit (default), or a column per month for one unit or the province. */
  layout?: Layout;
  /** Periods layout: the unit's code; omitted for the province. */
  unit?: string;
  /** Refuse (ExportRefused) while flags on the exported units and months are open. */
  strict?: boolean;
  settings?: PartialSettings;
  /** The user's settings file, merged over the defaults before `settings`. */
  settingsFile?: string;
  /** The date on the place-and-date line; today by default. */
  today?: Date;
  /** Restate figures under the units that exist at this date (ISO), old units summed into their successors. */
  underUnitsAt?: string;
  /** The indicator catalog; the editable one in resources/catalog by default. */
  catalog?: CatalogFile;
  /** Where the default settings lie; the source tree's by default. */
  resourcesDir?: string;
  /** The office's provinces: the columns are their units valid in the period (all units where none are given). */
  provinces?: string[] | null;
}

export interface ExportResult {
  buffer: Buffer;
  sheets: string[];
  /** Cells of the table holding a number or a formula, and how many of them are formulas. */
  cells: number;
  formulas: number;
}

export async function exportWorkbook(db: Database, opts: ExportOptions): Promise<ExportResult> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { chunks.push(chunk); done(); } });
  const r = await writeExport(db, opts, sink);
  return { ...r, buffer: Buffer.concat(chunks) };
}

/**
 * The same workbook written to `out` as it is made, so that memory holds one sheet row at a time
 * of the long list sheets rather than the whole workbook (a national year: a million provenance
 * rows). Written under another name and renamed: a failed export leaves no half-written file.
 */
export async function exportWorkbookToFile(db: Database, opts: ExportOptions, out: string): Promise<Omit<ExportResult, 'buffer'>> {
  const partial = `${out}.${process.pid}.partial`;
  try {
    const r = await writeExport(db, opts, fs.createWriteStream(partial));
    fs.renameSync(partial, out);
    return r;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

async function writeExport(db: Database, opts: ExportOptions, sink: Writable): Promise<Omit<ExportResult, 'buffer'>> {
  const settings: ExportSettings = loadExportSettings({ file: opts.settingsFile, overrides: opts.settings, ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}) });
  const catalog = opts.catalog ?? loadCatalog().catalog;
  const layout = opts.layout ?? 'units';
  const data = timed('export: loading and adding up the figures', () => buildExportData(db, catalog, {
    period: opts.period, layout, unit: opts.unit, underUnitsAt: opts.underUnitsAt, provinceLabel: settings.provinceLabel, provinces: opts.provinces,
  }));
  // Commune police units report from March 2025: the heading over their columns says so.
  if (data.columns.length > 0 && data.columns.every((c) => c.unit.level === 'commune')) settings.unitsHeading = 'Công an các xã, phường, đặc khu';
  const flags = timed('export: open flags', () => openFlagsFor(db, data));
  if (opts.strict) refuseIfOpen(flags, data.units);

  const today = opts.today ?? new Date();
  // exceljs's streaming writer: each sheet goes into the file when committed, and the list
  // sheets commit row by row. Inline strings, not a shared table: nearly every text is unique.
  const wb = new FullCalcWorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'Tổng Hợp';
  wb.created = today;
  const table = timed('export: table sheet', () => {
    const t = layout === 'units' ? writeUnitsLayout(wb, data, settings, today) : writePeriodsLayout(wb, data, settings, today);
    t.sheet.commit();
    return t;
  });
  await timedAsync('export: flags sheet', async () => (await writeFlagsSheet(wb, flags, data.units, periodWords(data.spec))).commit());
  await timedAsync('export: provenance sheet', async () => (await writeProvenanceSheet(wb, data, table, layout === 'units' ? settings.provinceLabel : 'Cộng')).commit());
  await timedAsync('export: finishing the file', () => wb.commit());
  return { sheets: [table.sheet.name, FLAGS_SHEET, PROVENANCE_SHEET], cells: table.cells, formulas: table.formulas };
}

/**
 * Asks a spreadsheet to recalculate on open (the cached results are right, but a reader that
 * edits a unit cell must see the totals follow). The streaming writer leaves `calcPr` without
 * `fullCalcOnLoad` whatever it is told, so it is added to workbook.xml as the writer stores it.
 */
class FullCalcWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override async addWorkbook(): Promise<void> {
    const zip = (this as unknown as { zip: { append(data: string, o: { name: string }): unknown } }).zip;
    const append = zip.append;
    zip.append = (data, o) => append.call(zip, o.name === '/xl/workbook.xml' ? withFullCalcOnLoad(data) : data, o);
    try {
      await super.addWorkbook();
    } finally {
      zip.append = append;
    }
  }
}

function withFullCalcOnLoad(xml: string): string {
  const calcPr = /<calcPr\b([^>]*?)\/>/;
  if (!calcPr.test(xml)) throw new Error('exceljs wrote workbook.xml without calcPr: cannot ask for recalculation on load');
  return xml.replace(calcPr, (_m, attrs: string) => `<calcPr${attrs.replace(/\s*fullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"/>`);
}
