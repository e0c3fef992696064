/**
 * One measurement in a fresh process (the bench runs each in its own): loading the library is
 * part of the cost, as it is for a clerk who starts the app and imports a folder.
 *   import DIR     the whole import, store included, into a new database
 *   sheetjs DIR    SheetJS alone, reading every cell of the same files
 *   exceljs DIR    exceljs readFile alone, reading every cell
 *   check DIR      DIR imported (not timed), then checkMs, acceptMs, correctMs: a full check and
 *                  the re-checks after one acceptance and after one correction
 * Prints one JSON line: { ms, files, figures, cells, maxRssMb }.
 */
import { benchDirs } from './dirs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [mode, dir] = process.argv.slice(2) as [string, string];
const files = fs.readdirSync(dir).filter((f) => /\.xlsx?$/i.test(f)).map((f) => path.join(dir, f));

async function run(): Promise<Record<string, number>> {
  if (mode === 'check') return checkTimes();
  if (mode === 'import') {
    // As the app does at start: the reader thread loads its parser while the store opens.
    const { createApi } = await import('../main/core/api/create-api');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const core = createApi({ ...benchDirs(), dbPath: path.join(tmp, 'b.db'), checkAfterImport: false, startReader: true });
    const results = await core.importFiles({ paths: files });
    await core.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    return { figures: results.reduce((s, r) => s + r.figures, 0) };
  }
  if (mode === 'sheetjs') {
    const XLSX = await import('@e965/xlsx');
    let cells = 0;
    for (const f of files) {
      const wb = XLSX.read(fs.readFileSync(f), { dense: true, cellFormula: true, cellDates: true });
      for (const name of wb.SheetNames) for (const row of wb.Sheets[name]!['!data'] ?? []) for (const c of row ?? []) if (c && c.v !== undefined) cells++;
    }
    return { cells };
  }
  const ExcelJS = (await import('exceljs')).default;
  let cells = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => { cells++; })));
  }
  return { cells };
}

/** The samples imported (not timed), then a full check, and a re-check after an acceptance and after a correction. */
async function checkTimes(): Promise<Record<string, number>> {
  const { createApi } = await import('../main/core/api/create-api');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const core = createApi({ ...benchDirs(), dbPath: path.join(tmp, 'b.db'), checkAfterImport: false });
  await core.importFiles({ paths: files });
  const timed = async (fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); return performance.now() - t; };
  const checkMs = await timed(() => core.checkFlags({}));
  const open = await core.listFlags({ status: 'open' });
  const acceptMs = await timed(() => core.resolveFlag({ flagId: open[0]!.id, action: 'accept', reason: 'đo tốc độ', user: 'bench' }));
  // Another flag than the one accepted: a resolved flag is not decided twice.
  const flag = open.find((f) => f.id !== open[0]!.id && f.figures.some((g) => g.indicator))!;
  const fig = flag.figures.find((g) => g.indicator)!;
  const correctMs = await timed(() => core.resolveFlag({ flagId: flag.id, action: 'correct', cell: `${fig.sheet}!${fig.cell}`, value: fig.value + 1, reason: 'đo tốc độ', user: 'bench' }));
  await core.close();
  fs.rmSync(tmp, { recursive: true, force: true });
  return { checkMs, acceptMs, correctMs, flags: open.length };
}

const t0 = performance.now();
const out = await run();
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, files: files.length, ...out, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
