/** Commune detail: a unit's monthly figures split over its communes so that the rows add up to the unit. */
import type { CatalogFile } from '../../shared/catalog';
import type { MonthFigures } from './model';
import type { Rng } from './prng';
import type { ValueModel } from './values';

export interface CommuneTable {
  names: string[];
  indicators: string[];
  /** values[commune][indicator], in the order of names and indicators. */
  values: number[][];
}

export interface Pair { small: string; big: string }

/** Relations that hold in every commune too: a child within its parent, sessions within participants. */
export function orderedPairs(cat: CatalogFile): Pair[] {
  const pairs: Pair[] = [];
  for (const r of cat.relations) {
    if (r.rule === 'child_exceeds_parent' || r.rule === 'participants_lt_sessions') pairs.push({ small: r.child, big: r.parent });
  }
  return pairs;
}

/** A seeded subset of the whole-number flows, with the parent of any child chosen, in catalog order. */
export function communeIndicators(model: ValueModel, cat: CatalogFile, rng: Rng): string[] {
  const candidates = model.indicators
    .filter((i) => i.kind === 'flow' && model.decimals[i.code] === 0 && model.sources[i.code]?.kind !== 'sum')
    .map((i) => i.code);
  const chosen = new Set(rng.shuffle(candidates).slice(0, rng.int(Math.min(6, candidates.length), Math.min(12, candidates.length))));
  for (const p of orderedPairs(cat)) if (chosen.has(p.small) && candidates.includes(p.big)) chosen.add(p.big);
  return candidates.filter((c) => chosen.has(c));
}

/** Relative sizes of the communes, fixed for a unit; the first (the town) is larger. */
export function communeWeights(n: number, rng: Rng): number[] {
  return Array.from({ length: n }, (_, i) => rng.uniform(0.4, 1.6) * (i === 0 ? 1.6 : 1));
}

/** Largest-remainder split of a whole number; a fraction, if any, goes to the first commune. */
function splitTotal(total: number, weights: number[]): number[] {
  if (total < 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const whole = Math.floor(total);
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (whole * w) / sum);
  const out = raw.map(Math.floor);
  let left = whole - out.reduce((a, b) => a + b, 0);
  const byRemainder = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of byRemainder) { if (left-- <= 0) break; out[i]! += 1; }
  if (total !== whole) out[0] = Math.round((out[0]! + total - whole) * 100) / 100;
  return out;
}

/** Moves any excess over cap to communes with room, so a child stays within its parent per commune. */
function applyCap(col: number[], cap: number[]): number[] {
  let excess = 0;
  const out = col.map((v, i) => { const over = Math.max(0, v - cap[i]!); excess += over; return v - over; });
  for (let i = 0; i < out.length && excess > 0; i++) {
    const move = Math.min(excess, Math.max(0, Math.floor(cap[i]! - out[i]!)));
    out[i]! += move;
    excess -= move;
  }
  if (excess > 0) out[0]! += excess;
  return out;
}

export function splitCommunes(figs: MonthFigures, names: string[], indicators: string[], weights: number[], pairs: Pair[], rng: Rng): CommuneTable {
  const w = weights.map((x) => x * rng.uniform(0.85, 1.15));
  const cols: Record<string, number[]> = {};
  // Parents before children, so each child can be capped by its parent's column.
  const order = [...indicators].sort((a, b) => Number(pairs.some((p) => p.small === a)) - Number(pairs.some((p) => p.small === b)));
  for (const code of order) {
    const col = splitTotal(figs[code]?.period ?? 0, w);
    const big = pairs.find((p) => p.small === code && cols[p.big]);
    cols[code] = big ? applyCap(col, cols[big.big]!) : col;
  }
  return { names, indicators, values: names.map((_, i) => indicators.map((code) => cols[code]![i]!)) };
}
