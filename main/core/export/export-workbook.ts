/**
 * The consolidated workbook an office sends upward: sheet "Tổng hợp" in the official format with
 * live formulas carrying the app's own results, "Cần kiểm tra" with the flags still open, and
 * "Nguồn số liệu" with where every number comes from.
 */
import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3';
import type { CatalogFile } from '../../../shared/catalog';
import { loadCatalog } from '../catalog/load-catalog';
import { buildExportData } from './export-data';
import type { Layout } from './export-data';
import { openFlagsFor, refuseIfOpen } from './export-flags';
import { periodWords } from './period-spec';
import type { ExportSettings, PartialSettings } from './settings';
import { loadExportSettings } from './settings';
import { writeFlagsSheet } from './write-flags-sheet';
import { writePeriodsLayout } from './write-periods-layout';
import { writeProvenanceSheet } from './write-provenance-sheet';
import { writeUnitsLayout } from './write-units-layout';

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
  const settings: ExportSettings = loadExportSettings({ file: opts.settingsFile, overrides: opts.settings, ...(opts.resourcesDir ? { resourcesDir: opts.resourcesDir } : {}) });
  const catalog = opts.catalog ?? loadCatalog().catalog;
  const layout = opts.layout ?? 'units';
  const data = buildExportData(db, catalog, {
    period: opts.period, layout, unit: opts.unit, underUnitsAt: opts.underUnitsAt, provinceLabel: settings.provinceLabel, provinces: opts.provinces,
  });
  // Commune police units report from March 2025: the heading over their columns says so.
  if (data.columns.length > 0 && data.columns.every((c) => c.unit.level === 'commune')) settings.unitsHeading = 'Công an các xã, phường, đặc khu';
  const flags = openFlagsFor(db, data);
  if (opts.strict) refuseIfOpen(flags, data.units);

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tổng Hợp';
  wb.created = opts.today ?? new Date();
  const today = opts.today ?? new Date();
  const table = layout === 'units' ? writeUnitsLayout(wb, data, settings, today) : writePeriodsLayout(wb, data, settings, today);
  writeFlagsSheet(wb, flags, data.units, periodWords(data.spec));
  writeProvenanceSheet(wb, data, table, layout === 'units' ? settings.provinceLabel : 'Cộng');
  // Ask a spreadsheet to recalculate on open: the cached results are right, but a reader that
  // edits a unit cell must see the totals follow.
  wb.calcProperties = { fullCalcOnLoad: true };
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, sheets: wb.worksheets.map((w) => w.name), cells: table.cells, formulas: table.formulas };
}
