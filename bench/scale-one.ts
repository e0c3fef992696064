/**
 * One step of the scale bench, each in its own process (for a clean peak memory):
 *   node scale-one.mjs N write DIR   write the generated .xlsx returns into DIR (not measured)
 *   node scale-one.mjs N files DIR   import DIR, check, re-check after one resolution
 *   node scale-one.mjs N store       write the generated figures straight into the store, check, re-check
 *   node scale-one.mjs N export DB   the year's export of the store DB alone (its own peak memory)
 * Prints one JSON line of measurements.
 */
import { benchDirs } from './dirs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi } from '../main/core/api/create-api';
import { openDb } from '../main/core/store/open-db';
import { phaseTimes } from '../main/core/phase-times';
import type { GenUnit } from '../tools/generate/generate';
import { generate, generateFigures, writeGenerated } from '../tools/generate/generate';
import { nationalUnits, ngheAnDistricts } from '../tools/generate/units';
import { registerUnits, storeGenerated } from './store-generated';

const n = Number(process.argv[2]);
const mode = process.argv[3] as 'write' | 'files' | 'store' | 'export';
const returnsDir = process.argv[4] ?? '';
const months = Array.from({ length: 12 }, (_, i) => i + 1);
const units: GenUnit[] = n <= 21 ? ngheAnDistricts().slice(0, n) : nationalUnits(n, 7);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `scale-${n}-`));
const out: Record<string, number | string> = { units: n, mode };
const time = async <T>(label: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const r = await fn();
  out[label] = Math.round(performance.now() - t);
  return r;
};

if (mode === 'write') {
  const gen = generate({ units, year: 2023, months, seed: 7 });
  await writeGenerated(gen, returnsDir);
  fs.rmSync(path.join(returnsDir, 'answer-key.json'));
  process.stdout.write(`${JSON.stringify({ files: gen.files.length })}\n`);
  process.exit(0);
}
if (mode === 'export') {
  // The year's consolidated workbook, every unit a column, written to disk as the office sends it.
  const core = createApi({ dbPath: returnsDir, checkAfterImport: false });
  const exported = await time('exportMs', () => core.exportWorkbook({ period: '2023', out: path.join(tmp, 'tong-hop-2023.xlsx') }));
  out.exportCells = exported.cells;
  out.exportBytes = fs.statSync(path.join(tmp, 'tong-hop-2023.xlsx')).size;
  await core.close();
  out.exportPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  for (const p of phaseTimes().filter((x) => x.phase.startsWith('export'))) out[p.phase] = Math.round(p.ms);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}
// The store: a new SQLite file, or the new PostgreSQL database the bench made (BENCH_STORE).
const store = process.env.BENCH_STORE ?? path.join(tmp, 'store.db');
out.engine = process.env.BENCH_STORE ? 'postgres' : 'sqlite';
// The check that follows an import is measured on its own below.
const core = createApi({ ...benchDirs(), dbPath: store, checkAfterImport: false, startReader: true });
// The bench's own connection, for what it writes around the contract (units, generated figures).
const db = openDb(store, { ...benchDirs() });
if (mode === 'files') {
  registerUnits(db, units, 2023);
  const results = await time('importMs', () => core.importFiles({ paths: [returnsDir] }));
  out.files = results.length;
  out.figures = results.reduce((s, r) => s + r.figures, 0);
  out.rejected = results.filter((r) => r.status === 'rejected').length;
} else {
  // Wide half-year returns: 26 indicators a month, so 3,321 units × 12 months is about a million figures.
  const values = await time('generateMs', () => generateFigures({ units, year: 2023, months, seed: 7, layouts: ['D'] }));
  await time('storeMs', () => storeGenerated(db, units, values, 2023));
  out.figures = values.length;
}
const summary = await time('checkMs', () => core.checkFlags({}));
out.flags = summary.open;
const flag = (await core.listFlags({ status: 'open', limit: 1 }))[0];
if (flag) await time('recheckAfterResolutionMs', () => core.resolveFlag({ flagId: flag.id, action: 'accept', reason: 'đo tốc độ', user: 'bench' }));
// A correction changes a figure: its unit is checked again, against every other unit.
const withFigure = (await core.listFlags({ status: 'open', limit: 200 })).find((f) => f.figures.some((x) => x.indicator));
const target = withFigure?.figures.find((x) => x.indicator);
if (withFigure && target) await time('recheckAfterCorrectionMs', () => core.resolveFlag({ flagId: withFigure.id, action: 'correct', cell: `${target.sheet}!${target.cell}`, value: target.value + 1, reason: 'đo tốc độ', user: 'bench' }));
db.close();
await core.close();
out.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
// The year's export in a process of its own, so that its peak memory is its own.
const exported = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=8192', process.argv[1]!, String(n), 'export', store], { encoding: 'utf8', maxBuffer: 1 << 24 }).trim().split('\n').pop()!) as Record<string, number>;
Object.assign(out, exported, { units: n, mode, engine: out.engine });
fs.rmSync(tmp, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(out)}\n`);
