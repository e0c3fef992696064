/** Figures and files as stored, the source cell around a figure, and the consolidated workbook. */
import type { Api } from '../../../shared/api';
import { previewCell } from '../review/preview-cell';
import { listFigures } from '../store/queries/figures';
import { listFiles } from '../store/queries/files';
import type { CoreContext } from './context';
import { provinceOfReturns, provincesOfReturns } from '../store/queries/settings';
import { exportOverrides, officeProvinceCodes, resolveSetup, storedSetup } from './office';

export function figureHandlers(ctx: CoreContext): Pick<Api, 'listFigures' | 'listFiles' | 'previewCell' | 'exportWorkbook' | 'exportGrid'> {
  const { db, catalog } = ctx;
  return {
    async listFigures(args) {
      return listFigures(db, args);
    },
    async listFiles() {
      return listFiles(db);
    },
    async previewCell(args) {
      return previewCell(db, ctx.reader, ctx.archiveDir, ctx.limits, args);
    },
    async exportGrid(args) {
      const { gridWorkbook } = await import('../export/write-grid');
      return { fileName: `${args.title.replace(/[\\/:*?"<>|]/g, '-')}.xlsx`, base64: (await gridWorkbook(args)).toString('base64') };
    },
    async exportWorkbook({ out, ...args }) {
      // exceljs takes ~300 ms to load: only when an export is asked for.
      const { exportWorkbook, exportWorkbookToFile } = await import('../export/export-workbook');
      // The heading, place, signature and recipients are the office's; the columns its province's units.
      // Before a set-up: the province of the returns imported so far.
      const returns = provinceOfReturns(db);
      const stored = storedSetup(db) ?? (returns ? { province: returns.province } : null);
      const office = stored ? { settings: exportOverrides(resolveSetup(db, stored, ctx.resourcesDir)), provinces: officeProvinceCodes(db) ?? provincesOfReturns(db) } : {};
      const opts = { ...args, catalog, resourcesDir: ctx.resourcesDir, ...office };
      const fileName = `Tong hop ${args.period}${args.layout === 'periods' ? ` ${args.unit ?? 'toan tinh'}` : ''}.xlsx`;
      // To a file: streamed, in bounded memory (a national year); to the browser: as bytes.
      if (out) {
        const r = await exportWorkbookToFile(db, opts, out);
        return { fileName, path: out, base64: null, sheets: r.sheets, cells: r.cells, formulas: r.formulas };
      }
      const r = await exportWorkbook(db, opts);
      return { fileName, path: null, base64: r.buffer.toString('base64'), sheets: r.sheets, cells: r.cells, formulas: r.formulas };
    },
  };
}
