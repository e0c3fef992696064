/** See before storing: what an import would read from files, cell by cell, with nothing stored (issue 14). */
import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../../shared/api';
import type { InspectedFile } from '../../../shared/types';
import { ImportFailure, placeOf } from '../file/import-failure';
import { inspectGrid } from '../recognise/inspect-grid';
import type { CoreContext } from './context';

export function inspectHandlers(ctx: CoreContext): Pick<Api, 'inspectFiles'> {
  return {
    async inspectFiles({ paths }) {
      const out: InspectedFile[] = [];
      for (const p of paths) out.push(await inspectOne(ctx, p));
      return out;
    },
  };
}

async function inspectOne(ctx: CoreContext, filePath: string): Promise<InspectedFile> {
  const file = path.basename(filePath);
  try {
    const size = fs.statSync(filePath).size;
    if (size > ctx.limits.maxFileBytes) throw new ImportFailure('too-large', `tệp nặng ${(size / 1048576).toFixed(1)} MB, vượt giới hạn ${ctx.limits.maxFileBytes / 1048576} MB của một báo cáo`);
    const grid = await ctx.reader.read(fs.readFileSync(filePath), ctx.limits);
    return { file, error: null, lines: inspectGrid(file, grid, ctx.labels()) };
  } catch (err) {
    const f = err instanceof ImportFailure ? err : null;
    const message = f ? f.message : `lỗi khi đọc tệp: ${(err as Error).message}`;
    return { file, error: `${placeOf(file, f?.sheet, f?.cell)}: ${message}`, lines: [] };
  }
}
