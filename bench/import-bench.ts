/**
 * `npm run bench`: import speed on the sample returns, beside the reader library alone and
 * exceljs alone on the same files, each in fresh processes, median of several runs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { CheckTimes, Measure } from './scale-bench';
import { measureFresh, printScale, readersAlone, runScale } from './scale-bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// Measure the code as the app ships it: bundled JavaScript, not TypeScript compiled on the fly,
// split so that what the core loads only when asked (exceljs for export) is not loaded at start.
const bundle = path.join(root, 'dist/bench/measure.mjs');
buildSync({
  entryPoints: [path.join(here, 'measure.ts'), path.join(here, 'scale-one.ts'), path.join(root, 'main/core/read/read-worker.ts')],
  bundle: true, splitting: true, platform: 'node', format: 'esm', packages: 'external', outdir: path.dirname(bundle), entryNames: '[name]', outExtension: { '.js': '.mjs' }, logLevel: 'warning',
});
const env = { ...process.env, TONGHOP_RESOURCES: path.join(root, 'resources'), TONGHOP_MIGRATIONS_DIR: path.join(root, 'main/core/store/migrations') };
const dir = process.argv[2] ?? path.resolve(here, '../../shared/samples/returns-2023');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const median = (runs: Measure[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;

// The three measurements take turns, so a machine that slows down or speeds up during the bench
// weighs on all of them alike instead of on whichever ran last.
const modes = ['import', 'sheetjs', 'exceljs'] as const;
const runs = new Map<string, Measure[]>(modes.map((m) => [m, []]));
for (let i = 0; i < RUNS; i++) for (const m of modes) runs.get(m)!.push(measureFresh(path.dirname(bundle), env, m, dir));
const [imp, sheetjs, exceljs] = modes.map((m) => median(runs.get(m)!)) as [Measure, Measure, Measure];
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const perSec = (n: number, ms: number) => fmt((n * 1000) / ms, 0);
const ok = (b: boolean) => (b ? 'met' : 'NOT MET');

console.log(`Import of ${imp.files} files in ${dir} (bundled code, median of ${RUNS} fresh processes each)`);
console.log(`  import, store included : ${fmt(imp.ms)} ms   ${perSec(imp.files, imp.ms)} files/s   ${perSec(imp.figures ?? 0, imp.ms)} figures/s   peak RSS ${imp.maxRssMb} MB`);
console.log(`  SheetJS alone          : ${fmt(sheetjs.ms)} ms   (${fmt(sheetjs.cells ?? 0)} cells)   peak RSS ${sheetjs.maxRssMb} MB`);
console.log(`  exceljs readFile alone : ${fmt(exceljs.ms)} ms   (${fmt(exceljs.cells ?? 0)} cells)   peak RSS ${exceljs.maxRssMb} MB`);
console.log(`  import / exceljs alone : ${fmt(imp.ms / exceljs.ms, 2)}x   target < 1.0x   ${ok(imp.ms < exceljs.ms)}`);
console.log(`  import / SheetJS alone : ${fmt(imp.ms / sheetjs.ms, 2)}x   target <= 1.2x  ${ok(imp.ms <= 1.2 * sheetjs.ms)}`);

// The rules over the samples: a full check, and what one decision re-checks.
const check = measureFresh<CheckTimes>(path.dirname(bundle), env, 'check', dir);
console.log(`\nCheck of the samples: ${check.flags} open flags`);
console.log(`  full check        ${fmt(check.checkMs)} ms`);
console.log(`  re-check after one resolution (accept)     ${fmt(check.acceptMs)} ms   target < 100 ms   ${ok(check.acceptMs < 100)}`);
console.log(`  re-check after one resolution (correction) ${fmt(check.correctMs)} ms   target < 100 ms   ${ok(check.correctMs < 100)}`);

// A province's year and the nation's (BENCH_SCALES=21,130,3321 to choose).
const scales = (process.env.BENCH_SCALES ?? '21,130,3321').split(',').map(Number).filter(Boolean);
for (const n of scales) {
  const r = runScale(path.dirname(bundle), env, n, n <= 130 ? 'files' : 'store');
  printScale(r, r.returnsDir ? readersAlone(path.dirname(bundle), env, r.returnsDir) : null);
}
