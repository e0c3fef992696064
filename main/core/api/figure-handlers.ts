/** Figures and files as stored, the source cell around a figure, and the consolidated workbook. */
import fs from 'node:fs';
import type { Api } from '../../../shared/api';
import { previewCell } from '../review/preview-cell';
import { listFigures } from '../store/queries/figures';
import { listFiles } from '../store/queries/files';
import type { CoreContext } from './context';

export function figureHandlers(ctx: CoreContext): Pick<Api, 'listFigures' | 'listFiles' | 'previewCell' | 'exportWorkbook'> {
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
    async exportWorkbook({ out, ...args }) {
      // exceljs takes ~300 ms to load: only when an export is asked for.
      const { exportWorkbook } = await import('../export/export-workbook');
      const r = await exportWorkbook(db, { ...args, catalog, resourcesDir: ctx.resourcesDir });
      const fileName = `Tong hop ${args.period}${args.layout === 'periods' ? ` ${args.unit ?? 'toan tinh'}` : ''}.xlsx`;
      if (out) fs.writeFileSync(out, r.buffer);
      return { fileName, path: out ?? null, base64: out ? null : r.buffer.toString('base64'), sheets: r.sheets, cells: r.cells, formulas: r.formulas };
    },
  };
}
