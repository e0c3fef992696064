/**
 * PostgreSQL beside SQLite (issue 19), when the bench is given a server (TONGHOP_BENCH_PG, or the
 * tests' TONGHOP_TEST_PG): the same whole processes on each engine, in turns — the import of a
 * folder into a new store (PostgreSQL's made from a seeded template, as an office's store is seeded
 * once), then the check and the year's export of the stores just filled.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropPostgresStore, newPostgresStore } from '../tools/postgres/new-store';
import { fmt, fmtStats, inTurns, stats } from './whole-process';
import type { Stats } from './whole-process';
import type { ScaleResult } from './scale-bench';

export interface EngineRow { step: string; sqlite: Stats; postgres: Stats }

export async function compareEngines(bin: string, dir: string, year: number, runs: number, serverUrl: string): Promise<EngineRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-engines-'));
  // Made before the turns (a database from the template is a file copy, not the work measured).
  const pgStores = await Promise.all(Array.from({ length: runs }, () => newPostgresStore(serverUrl, { prefix: 'bench_' })));
  let i = -1;
  let j = -1;
  let sqlite = '';
  const importRuns = inTurns({
    sqlite: { before: () => { sqlite = path.join(work, `s${++i}.db`); }, args: () => [bin, 'import', '--db', sqlite, dir] },
    postgres: { before: () => { j++; }, args: () => [bin, 'import', '--db', pgStores[j]!, dir] },
  }, runs);
  const last = { sqlite, postgres: pgStores.at(-1)! };
  const out = path.join(work, 'out.xlsx');
  const per = (args: (db: string) => string[]) => inTurns({
    sqlite: { args: () => args(last.sqlite) },
    postgres: { args: () => args(last.postgres) },
  }, runs);
  const checkRuns = per((db) => [bin, 'check', '--db', db]);
  const exportRuns = per((db) => [bin, 'export', '--db', db, '--period', String(year), '--out', out]);
  for (const url of pgStores) dropPostgresStore(url);
  fs.rmSync(work, { recursive: true, force: true });
  const row = (step: string, r: Record<string, { ms: number }[]>): EngineRow => ({ step, sqlite: stats(r.sqlite!.map((x) => x.ms)), postgres: stats(r.postgres!.map((x) => x.ms)) });
  return [row('import (check included)', importRuns), row('check', checkRuns), row(`export ${year}`, exportRuns)];
}

export function printEngines(title: string, rows: EngineRow[], runs: number): void {
  console.log(`\n${title}\n  whole processes, median of ${runs} taking turns (range = fastest–slowest)`);
  for (const r of rows) {
    console.log(`  ${r.step.padEnd(24)} SQLite ${fmtStats(r.sqlite)}   PostgreSQL ${fmtStats(r.postgres)}   PostgreSQL / SQLite ${fmt(r.postgres.median / r.sqlite.median, 2)}x`);
  }
}

/** One scale's figures (bench/scale-one.ts) on each engine, one run each. */
export function printScaleEngines(sqlite: ScaleResult, postgres: ScaleResult): void {
  console.log(`\nPostgreSQL beside SQLite: ${fmt(sqlite.units)} units × 12 months, ${fmt(postgres.figures)} figures written into the store (one run each)`);
  const rows: [string, number | undefined, number | undefined][] = [
    ['figures stored', sqlite.storeMs, postgres.storeMs],
    ['full check', sqlite.checkMs, postgres.checkMs],
    ['re-check after a resolution', sqlite.recheckAfterResolutionMs, postgres.recheckAfterResolutionMs],
    ['re-check after a correction', sqlite.recheckAfterCorrectionMs, postgres.recheckAfterCorrectionMs],
    ['export of the year', sqlite.exportMs, postgres.exportMs],
  ];
  for (const [label, a, b] of rows) {
    if (a === undefined || b === undefined) continue;
    console.log(`  ${label.padEnd(30)} SQLite ${fmt(a).padStart(8)} ms   PostgreSQL ${fmt(b).padStart(8)} ms   ${fmt(b / a, 2)}x`);
  }
  console.log(`  peak memory (check / export)   SQLite ${fmt(sqlite.peakRssMb)} / ${fmt(sqlite.exportPeakRssMb)} MB   PostgreSQL ${fmt(postgres.peakRssMb)} / ${fmt(postgres.exportPeakRssMb)} MB`);
}
