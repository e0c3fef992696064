/**
 * `npm run bench` (second part): a province's year and the nation's. For N = 21, 130 and 3,321
 * units over 12 months: import files/s and figures/s (beside SheetJS and exceljs alone on the same
 * files), a full check, a re-check after one resolution, the year's export, and peak memory, each
 * beside its target. 21 and 130 units import real generated .xlsx files; 3,321 units write the
 * generated figures straight into the store (40,000 workbooks would measure the disk).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTimed } from './whole-process';

export interface ScaleResult { units: number; mode: string; files?: number; figures: number; importMs?: number; storeMs?: number; checkMs: number; exportMs: number; exportCells: number; exportBytes: number; exportPeakRssMb: number; recheckAfterResolutionMs?: number; recheckAfterCorrectionMs?: number; flags: number; peakRssMb: number; returnsDir?: string; keepReturns?: boolean; rejected?: number }

/** `written`: returns already written for these units (kept after); otherwise written here and removed by printScale. */
/** `store`: a new PostgreSQL store to fill instead of a new SQLite file. */
export function runScale(bundleDir: string, n: number, mode: 'files' | 'store', written?: string, store?: string): ScaleResult {
  const env = store ? { ...process.env, BENCH_STORE: store } : process.env;
  const run = (...args: string[]) => execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(bundleDir, 'scale-one.mjs'), String(n), ...args], { encoding: 'utf8', maxBuffer: 1 << 24, env });
  const dir = mode === 'files' ? written ?? fs.mkdtempSync(path.join(os.tmpdir(), `returns-${n}-`)) : '';
  if (dir && !written) run('write', dir);
  const r = JSON.parse(run(mode, dir).trim().split('\n').pop()!) as ScaleResult;
  return dir ? { ...r, returnsDir: dir, keepReturns: Boolean(written) } : r;
}

/** One measurement of bench/measure.ts (import, sheetjs, exceljs or check) on `dir`, in a fresh process. */
export interface Measure { ms: number; files: number; figures?: number; cells?: number; maxRssMb: number }
export interface CheckTimes extends Measure { checkMs: number; acceptMs: number; correctMs: number; flags: number }
export function measureFresh<T extends Measure = Measure>(bundleDir: string, mode: string, dir: string): T {
  const out = execFileSync(process.execPath, [path.join(bundleDir, 'measure.mjs'), mode, dir], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** The reader libraries alone on the same files, each a whole process (bench/alone/). */
export interface ReadersAlone { sheetjsMs: number; exceljsMs: number }
export function readersAlone(dir: string): ReadersAlone {
  const alone = (lib: string) => runTimed([path.join(path.dirname(fileURLToPath(import.meta.url)), 'alone', `${lib}.mjs`), dir]).ms;
  return { sheetjsMs: alone('sheetjs'), exceljsMs: alone('exceljs') };
}

export function printScale(r: ScaleResult, readers: ReadersAlone | null): void {
  const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const ok = (b: boolean) => (b ? 'met' : 'NOT MET');
  console.log(`\n${fmt(r.units)} units × 12 months (${r.mode === 'files' ? `${fmt(r.files ?? 0)} generated .xlsx files imported` : 'figures written straight into the store'}): ${fmt(r.figures)} figures, ${fmt(r.flags)} open flags`);
  if (r.importMs !== undefined && r.files) {
    console.log(`  import (store included, check apart) ${fmt(r.importMs)} ms   ${fmt((r.files * 1000) / r.importMs)} files/s   ${fmt((r.figures * 1000) / r.importMs)} figures/s${r.rejected ? `   (${r.rejected} rejected)` : ''}`);
    if (readers) {
      console.log(`  import in this process / exceljs readFile alone as a process, same files: ${fmt(r.importMs / readers.exceljsMs)}x   target < 1.0x   ${ok(r.importMs < readers.exceljsMs)}`);
      console.log(`  import in this process / SheetJS alone as a process, same files: ${fmt(r.importMs / readers.sheetjsMs)}x   target <= 1.2x   ${ok(r.importMs <= 1.2 * readers.sheetjsMs)}`);
    }
  }
  if (r.storeMs !== undefined) console.log(`  generated figures written into the store (no files read) ${fmt(r.storeMs)} ms   ${fmt((r.figures * 1000) / r.storeMs)} figures/s`);
  console.log(`  full check        ${fmt(r.checkMs)} ms${r.figures >= 900_000 ? `   target < 10,000 ms   ${ok(r.checkMs < 10_000)}` : ''}`);
  const national = r.units >= 3000;
  console.log(`  export of the year (a process of its own) ${fmt(r.exportMs)} ms${national ? `   target < 20,000 ms   ${ok(r.exportMs < 20_000)}` : ''}   (${fmt(r.exportCells)} cells, ${fmt(r.exportBytes / 1048576)} MB file)`);
  console.log(`    its peak memory ${fmt(r.exportPeakRssMb)} MB${national ? `   target < 1,024 MB   ${ok(r.exportPeakRssMb < 1024)}` : ''}`);
  if (r.units === 21 && r.importMs !== undefined) {
    const all = r.importMs + r.checkMs + r.exportMs;
    console.log(`  province-year imported, checked and exported: ${fmt(all)} ms   target < 10,000 ms   ${ok(all < 10_000)}`);
  }
  if (r.recheckAfterResolutionMs !== undefined) console.log(`  re-check after one resolution (accept)     ${fmt(r.recheckAfterResolutionMs)} ms   target < 100 ms   ${ok(r.recheckAfterResolutionMs < 100)}`);
  if (r.recheckAfterCorrectionMs !== undefined) console.log(`  re-check after one resolution (correction) ${fmt(r.recheckAfterCorrectionMs)} ms   target < 100 ms   ${ok(r.recheckAfterCorrectionMs < 100)}`);
  console.log(`  peak memory of the import and checks ${fmt(r.peakRssMb)} MB`);
  if (r.returnsDir && !r.keepReturns) fs.rmSync(r.returnsDir, { recursive: true, force: true });
}
