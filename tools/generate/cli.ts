/**
 * Writes generated returns and their answer key:
 *   npx tsx main/core/generate/cli.ts --out DIR --units 21 --months 1-6 --year 2023 --seed 7
 * Up to 21 units are Nghệ An's real districts (unless --synthetic); more are made-up units.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate, writeGenerated } from './generate';
import { LAYOUTS, type Layout } from './model';
import { nationalUnits, ngheAnDistricts, provinceUnits } from './units';

const USAGE = 'usage: cli.ts --out DIR [--units 21] [--months 1-12] [--year 2023] [--seed 1] [--inject-rate 0.1667] [--layouts ABCD] [--synthetic] [--province 42]';

/** "1-6", "1,3,5" or "1-3,7" -> [1, 2, 3, 7]. */
export function parseMonths(s: string): number[] {
  const out = s.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map((x) => Number(x.trim()));
    if (!Number.isInteger(a) || (b !== undefined && !Number.isInteger(b))) throw new Error(`bad months: ${s}`);
    return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
  });
  if (out.length === 0 || out.some((m) => m < 1 || m > 12)) throw new Error(`months must be within 1..12: ${s}`);
  return out;
}

function number(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} is not a number: ${value}`);
  return n;
}

export async function main(argv: string[]): Promise<void> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' }, units: { type: 'string' }, months: { type: 'string' }, year: { type: 'string' }, seed: { type: 'string' },
      'inject-rate': { type: 'string' }, layouts: { type: 'string' }, synthetic: { type: 'boolean' }, province: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (v.help || !v.out) { console.log(USAGE); if (!v.help) process.exitCode = 2; return; }
  const n = number(v.units, 'units', 21);
  const seed = number(v.seed, 'seed', 1);
  const layouts = (v.layouts ?? 'ABCD').toUpperCase().split('').filter((x): x is Layout => (LAYOUTS as string[]).includes(x));
  const months = parseMonths(v.months ?? '1-12');
  const year = number(v.year, 'year', 2023);
  // --province: that province's real units at the first month (districts before March 2025, communes after).
  const units = v.province ? provinceUnits(v.province, `${year}-${String(months[0]).padStart(2, '0')}-01`).slice(0, n)
    : n <= 21 && !v.synthetic ? ngheAnDistricts().slice(0, n) : nationalUnits(n, seed);
  const started = performance.now();
  const g = generate({ units, year, months, seed, injectRate: number(v['inject-rate'], 'inject-rate', 1 / 6), layouts });
  await writeGenerated(g, v.out);
  const secs = (performance.now() - started) / 1000;
  console.log(`Wrote ${g.files.length} files and answer-key.json to ${v.out}: ${g.key.values.length} figures, ${g.key.issues.length} issues, ${secs.toFixed(1)} s (${(g.files.length / secs).toFixed(1)} files/s)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
