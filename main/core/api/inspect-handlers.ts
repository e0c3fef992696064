/** See before storing: what an import would read from files, cell by cell, with nothing stored (issue 14). */
import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../../shared/api';
import type { InspectedFile } from '../../../shared/types';
import { message, wordMessage } from '../../../shared/messages';
import { ImportFailure } from '../file/import-failure';
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
    const f = err instanceof ImportFailure ? err : new ImportFailure('internal', message('refused.internal', { detail: (err as Error).message }));
    return { file, error: wordMessage(message('import.refused', { file, sheet: f.sheet, cell: f.cell, reason: f.reason }), 'vi'), lines: [] };
  }
}
