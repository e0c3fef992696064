/**
 * `npm run bench`: what users run, timed as whole processes (Node's start included), side by
 * side and in turns, each a median of BENCH_RUNS with its range:
 *   1. `tonghop import --db NEW FOLDER` (the package's bin, check included) on the 106 samples,
 *      beside exceljs `readFile` alone and SheetJS alone reading every cell of the same files;
 *      then where the import's time goes (the CLI's TONGHOP_PHASES report);
 *   2. the same three on a province-year of generated returns (21 units × 12 months);
 *   3. browser mode from launch to its first API answer;
 *   4. the check of the samples and the re-checks after one decision;
 *   5. the scale figures for 21, 130 and 3,321 units (BENCH_SCALES): check, re-check, export, memory;
 *   6. with a PostgreSQL server (TONGHOP_BENCH_PG): import, check and export on each engine, in turns.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { CheckTimes } from './scale-bench';
import { measureFresh, printScale, readersAlone, runScale } from './scale-bench';
import { compareEngines, printEngines, printScaleEngines } from './engines-bench';
import { dropPostgresStore, newPostgresStore } from '../tools/postgres/new-store';
import type { ScaleResult } from './scale-bench';
import { startupTimes } from './startup';
import type { Timed } from './whole-process';
import { fmt, fmtStats, inTurns, medianPhases, ok, runTimed, stats } from './whole-process';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const samples = process.argv[2] ?? path.resolve(root, '../shared/samples/returns-2023');
const bin = path.join(root, 'bin/tonghop.mjs');
const alone = (lib: string) => path.join(here, 'alone', `${lib}.mjs`);

// 0. The code as users run it: the bin's build for these sources (made now if missing, so no
// measured run pays for it), and the bench's own bundle of its in-process measurements.
type BuildNode = { ensureNodeBuild: (o?: { quiet?: boolean }) => Promise<string>; sourceDirsFromBundle: import('esbuild').Plugin };
const { ensureNodeBuild, sourceDirsFromBundle } = (await import(path.join(root, 'scripts/build-node.mjs'))) as BuildNode;
const built = await ensureNodeBuild();
const benchCode = path.join(root, 'dist/bench/code');
await build({
  entryPoints: [path.join(here, 'measure.ts'), path.join(here, 'scale-one.ts'), path.join(root, 'main/core/read/read-worker.ts'), path.join(root, 'main/core/check/check-worker.ts'), path.join(root, 'main/core/store/postgres/pg-worker.ts')],
  bundle: true, splitting: true, platform: 'node', format: 'esm', packages: 'external', outdir: benchCode, entryNames: '[name]', outExtension: { '.js': '.mjs' }, logLevel: 'warning',
  plugins: [sourceDirsFromBundle],
});

/** The import and the two libraries alone on `dir`, in turns; printed with ratios beside their goals. */
function compare(title: string, dir: string): void {
  let db = '';
  const runs = inTurns({
    import: {
      before: () => { if (db) fs.rmSync(path.dirname(db), { recursive: true, force: true }); db = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-')), 'store.db'); },
      args: () => [bin, 'import', '--db', db, dir],
      env: { ...process.env, TONGHOP_PHASES: '1' },
    },
    exceljs: { args: () => [alone('exceljs'), dir] },
    sheetjs: { args: () => [alone('sheetjs'), dir] },
  }, RUNS);
  fs.rmSync(path.dirname(db), { recursive: true, force: true });
  const [imp, exceljs, sheetjs] = (['import', 'exceljs', 'sheetjs'] as const).map((k) => stats(runs[k]!.map((r) => r.ms)));
  // What bench/alone/ prints for each run.
  const read = (t: Timed) => JSON.parse(t.stdout) as { files: number; cells: number; maxRssMb: number; cpuMs: number };
  const cells = (r: Timed[]) => read(r[0]!);
  const summary = /Tổng: (\d+) tệp; đã nhập (\d+)/.exec(runs.import![0]!.stdout);
  console.log(`\n${title}: ${dir}\n  whole processes, median of ${RUNS} taking turns (range = fastest–slowest)`);
  console.log(`  tonghop import (check included)  ${fmtStats(imp!)}   ${summary ? `${summary[2]} of ${summary[1]} files imported` : ''}`);
  console.log(`  exceljs readFile alone           ${fmtStats(exceljs!)}   ${fmt(cells(runs.exceljs!).cells)} cells, peak ${cells(runs.exceljs!).maxRssMb} MB`);
  console.log(`  SheetJS alone                    ${fmtStats(sheetjs!)}   ${fmt(cells(runs.sheetjs!).cells)} cells, peak ${cells(runs.sheetjs!).maxRssMb} MB`);
  const ratio = (a: number, b: number) => fmt(a / b, 2);
  console.log(`  import / exceljs alone  ${ratio(imp!.median, exceljs!.median)}x (range ${ratio(imp!.min, exceljs!.max)}–${ratio(imp!.max, exceljs!.min)})   goal <= 0.60x   ${ok(imp!.median <= 0.6 * exceljs!.median)}`);
  console.log(`  SheetJS / exceljs alone ${ratio(sheetjs!.median, exceljs!.median)}x   (the issue's yardstick: about 0.4–0.5x)`);
  console.log(`  import / SheetJS alone  ${ratio(imp!.median, sheetjs!.median)}x`);
  console.log('  where the import\'s time goes (medians; the reader thread parses while the main thread recognises and stores, so phases overlap):');
  const phases = medianPhases(runs.import!.map((r) => r.stderr));
  for (const p of phases) console.log(`    ${fmt(p.ms.median).padStart(6)} ms  ${p.label}`);
  // The goal's wall time holds at most this much CPU, every core busy all the time: the yardstick for what the import may cost.
  const cores = os.availableParallelism();
  const cpu = (r: Timed[]) => stats(r.map((t) => read(t).cpuMs)).median;
  const importCpu = phases.find((p) => p.label.startsWith('CPU time'))?.ms.median;
  console.log(`  CPU time (user + system, all threads), medians: import ${importCpu === undefined ? '?' : fmt(importCpu)} ms, exceljs alone ${fmt(cpu(runs.exceljs!))} ms, SheetJS alone ${fmt(cpu(runs.sheetjs!))} ms`);
  console.log(`  at the goal's ${fmt(0.6 * exceljs!.median)} ms on ${cores} cores, at most ${fmt(0.6 * exceljs!.median * cores)} ms of CPU, with every core busy throughout`);
}

// 1. The samples.
compare('Import of the sample returns', samples);

// 2. A province-year of generated returns (Nghệ An's 21 districts × 12 months), written once.
const provinceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-province-'));
execFileSync(process.execPath, [path.join(benchCode, 'scale-one.mjs'), '21', 'write', provinceDir], { encoding: 'utf8' });
compare('Import of a province-year of generated returns (21 units × 12 months)', provinceDir);

// 3. Start-up: browser mode to its first answer.
const start = await startupTimes(path.join(built, 'http.mjs'), RUNS);
const first = stats(start.first);
const later = stats(start.later);
console.log(`\nStart-up: browser mode from launch to its first API answer (listUnits), median of ${RUNS}, on the unit registry in resources/units`);
console.log(`  first launch (creates the store)  ${fmtStats(first)}   goal < 2,000 ms   ${ok(first.median < 2000)}`);
console.log(`  later launch (opens it)           ${fmtStats(later)}   goal < 2,000 ms   ${ok(later.median < 2000)}`);
console.log(`  for scale: \`node -e 0\` ${fmtStats(stats(Array.from({ length: RUNS }, () => runTimed(['-e', '0']).ms)))}`);

// 4. The rules over the samples: a full check, and what one decision re-checks (in-process).
const check = measureFresh<CheckTimes>(benchCode, 'check', samples);
console.log(`\nCheck of the samples (in one process): ${check.flags} open flags`);
console.log(`  full check        ${fmt(check.checkMs)} ms`);
console.log(`  re-check after one resolution (accept)     ${fmt(check.acceptMs)} ms   target < 100 ms   ${ok(check.acceptMs < 100)}`);
console.log(`  re-check after one resolution (correction) ${fmt(check.correctMs)} ms   target < 100 ms   ${ok(check.correctMs < 100)}`);

// 5. A province's year and the nation's (BENCH_SCALES=21,130,3321 to choose).
const scales = (process.env.BENCH_SCALES ?? '21,130,3321').split(',').map(Number).filter(Boolean);
const scaleResults = new Map<number, ScaleResult>();
for (const n of scales) {
  const r = runScale(benchCode, n, n <= 130 ? 'files' : 'store', n === 21 ? provinceDir : undefined);
  scaleResults.set(n, r);
  printScale(r, r.returnsDir ? readersAlone(r.returnsDir) : null);
}

// 6. PostgreSQL beside SQLite, where a server is given.
const pgServer = process.env.TONGHOP_BENCH_PG ?? process.env.TONGHOP_TEST_PG;
if (pgServer) {
  printEngines('PostgreSQL beside SQLite: the samples', await compareEngines(bin, samples, 2023, RUNS, pgServer), RUNS);
  printEngines('PostgreSQL beside SQLite: a province-year of generated returns (21 units × 12 months)', await compareEngines(bin, provinceDir, 2023, RUNS, pgServer), RUNS);
  // The nation's year (about a million figures) at the scales measured above, when 3,321 is among them.
  for (const n of scales.filter((x) => x > 130)) {
    const pgStore = await newPostgresStore(pgServer, { prefix: 'bench_' });
    try {
      printScaleEngines(scaleResults.get(n)!, runScale(benchCode, n, 'store', undefined, pgStore));
    } finally {
      dropPostgresStore(pgStore);
    }
  }
} else {
  console.log('\nPostgreSQL beside SQLite: no server given (TONGHOP_BENCH_PG=postgres://... or TONGHOP_TEST_PG; `.ci/postgres` starts one)');
}
fs.rmSync(provinceDir, { recursive: true, force: true });
