/**
 * Realistic figures per unit and month. Each unit has a size; each indicator a per-unit mean from which
 * monthly flows are drawn with moderate noise. The catalog's relations decide how figures hang
 * together: children stay within their parents, totals are the sum of their parts, a rate is
 * recomputed from its two flows, plan-bound flows stay within the plan.
 */
import type { CatalogFile, CatalogIndicator } from '../../shared/catalog';
import { type GenUnit, type MonthFigures, type Series, rateOf, round } from './model';
import type { Rng } from './prng';

interface Profile { mean?: number; from?: string; ratio?: [number, number]; decimals?: number; zeroProb?: [number, number]; growth?: number; extra?: [number, number] }

/** Means per month for a unit of size 1 (about 20 communes), scaled from the published totals (DOMAIN.md). */
const PROFILES: Record<string, Profile> = {
  NHA_KH: { mean: 150 },
  DD_THUNHAN: { mean: 600 },
  DD_KICHHOAT: { ratio: [0.8, 0.95] },
  DVC_TONG: { mean: 90 },
  DVC_TRUCTUYEN: { ratio: [0.35, 0.75] },
  TT_DOT: { mean: 8 },
  TT_LUOT: { from: 'TT_DOT', ratio: [60, 150] },
  MH_LIENGIA: { mean: 95, growth: 0.012 },
  MH_ANND: { mean: 14, growth: 0.02 },
  MH_HOAGIAI: { mean: 14, growth: 0.015 },
  MH_PCCC: { mean: 12, growth: 0.02 },
  MH_TONG: { extra: [0.02, 0.15] },
  LL_GIUPDO: { mean: 26 },
  CN_DOT: { mean: 0.5 },
  CN_NGHIEN: { from: 'CN_DOT', ratio: [8, 25] },
  CN_TUBO: { ratio: [0.1, 0.35] },
  TP_DIENTICH: { mean: 0.5, decimals: 2, zeroProb: [0.55, 1] },
  VK_SUNG: { mean: 9 },
  VK_LUUDAN: { mean: 5 },
  VK_KIP: { mean: 38 },
  VK_CCHT: { mean: 16 },
  VK_THUOCNO: { mean: 0.9, decimals: 1, zeroProb: [0.4, 0.8] },
  DT_DAUTHU: { mean: 0.9 },
  DT_TRUYNA: { ratio: [0.3, 0.7] },
};

type Source =
  | { kind: 'plan' | 'stock' | 'independent' }
  | { kind: 'stockTotal' | 'sum'; parts: string[] }
  | { kind: 'from' | 'child' | 'planned'; base: string }
  | { kind: 'rate'; num: string; den: string };

export interface ValueModel {
  indicators: CatalogIndicator[];
  order: string[];
  sources: Record<string, Source>;
  decimals: Record<string, number>;
  kinds: Record<string, CatalogIndicator['kind']>;
}

interface UnitParams { level: Record<string, number>; ratio: Record<string, number>; zeroProb: Record<string, number> }

function sourceOf(ind: CatalogIndicator, cat: CatalogFile): Source {
  const profile = PROFILES[ind.code] ?? {};
  for (const r of cat.relations) {
    if ((r.rule === 'sum_mismatch' || r.rule === 'parts_exceed_total') && r.total === ind.code) {
      return { kind: r.rule === 'sum_mismatch' ? 'sum' : 'stockTotal', parts: r.parts };
    }
    if (r.rule === 'plan_exceeded' && r.child === ind.code) return { kind: 'planned', base: r.parent };
  }
  if (ind.kind === 'rate' && ind.rate) return { kind: 'rate', num: ind.rate.numerator, den: ind.rate.denominator };
  if (ind.kind === 'plan' || ind.kind === 'stock') return { kind: ind.kind };
  if (profile.from) return { kind: 'from', base: profile.from };
  const isPart = cat.relations.some((r) => (r.rule === 'sum_mismatch' || r.rule === 'parts_exceed_total') && r.parts.includes(ind.code));
  if (ind.parent && !isPart) return { kind: 'child', base: ind.parent };
  return { kind: 'independent' };
}

const dependsOn = (s: Source): string[] =>
  'parts' in s ? s.parts : 'base' in s ? [s.base] : s.kind === 'rate' ? [s.num, s.den] : [];

/** Sources and a dependency order, once per catalog. */
export function buildModel(cat: CatalogFile): ValueModel {
  const sources: Record<string, Source> = {};
  const decimals: Record<string, number> = {};
  const kinds: Record<string, CatalogIndicator['kind']> = {};
  for (const ind of cat.indicators) {
    sources[ind.code] = sourceOf(ind, cat);
    kinds[ind.code] = ind.kind;
    decimals[ind.code] = PROFILES[ind.code]?.decimals ?? (ind.decimals ? 1 : 0);
  }
  const order: string[] = [];
  const visit = (code: string, depth: number): void => {
    if (order.includes(code) || !sources[code] || depth > 20) return;
    for (const d of dependsOn(sources[code]!)) visit(d, depth + 1);
    order.push(code);
  };
  for (const ind of cat.indicators) visit(ind.code, 0);
  return { indicators: cat.indicators, order, sources, decimals, kinds };
}

function sizeFactor(unit: GenUnit, rng: Rng): number {
  const n = unit.communes?.length ?? 0;
  const base = n > 0 ? n / 20 : Math.exp(0.45 * rng.normal());
  return Math.min(2.8, Math.max(0.35, base * rng.uniform(0.8, 1.25)));
}

function unitParams(unit: GenUnit, model: ValueModel, rng: Rng): UnitParams {
  const size = sizeFactor(unit, rng);
  const p: UnitParams = { level: {}, ratio: {}, zeroProb: {} };
  for (const ind of model.indicators) {
    const prof = PROFILES[ind.code] ?? {};
    const fallback = ind.kind === 'plan' ? 100 : ind.kind === 'stock' ? 30 : 10;
    p.level[ind.code] = (prof.mean ?? fallback) * size * rng.uniform(0.7, 1.3);
    const [lo, hi] = prof.ratio ?? prof.extra ?? [0.3, 0.9];
    p.ratio[ind.code] = rng.uniform(lo, hi);
    const [zlo, zhi] = prof.zeroProb ?? [0, 0];
    p.zeroProb[ind.code] = rng.uniform(zlo, zhi);
  }
  return p;
}

/** A count around its mean: Poisson while small, normal with ~18% spread when larger. */
function noisy(mean: number, rng: Rng): number {
  if (mean < 12) return rng.poisson(mean);
  return Math.max(0, Math.round(mean * (1 + 0.18 * rng.normal())));
}

function binomial(n: number, p: number, rng: Rng): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.chance(p)) k++;
  return k;
}

interface Ctx { model: ValueModel; params: UnitParams; prev: MonthFigures | null; cur: MonthFigures; rng: Rng }

function periodOf(code: string, s: Source, c: Ctx): number {
  const { params, prev, cur, rng } = c;
  const dec = c.model.decimals[code] ?? 0;
  const level = params.level[code]!;
  const ratio = params.ratio[code]!;
  const val = (k: string): number => cur[k]?.period ?? 0;
  switch (s.kind) {
    case 'plan': return prev?.[code]?.period ?? Math.max(1, Math.round(level));
    case 'stock': return prev?.[code] ? prev[code].period + rng.poisson(Math.max(0.2, level * (PROFILES[code]?.growth ?? 0.012))) : Math.round(level);
    case 'stockTotal': { const sum = s.parts.reduce((a, k) => a + val(k), 0); return sum + Math.round(sum * ratio) + 1; }
    case 'sum': return round(s.parts.reduce((a, k) => a + val(k), 0), dec);
    case 'from': return val(s.base) === 0 ? 0 : Math.round(val(s.base) * ratio * rng.uniform(0.85, 1.15));
    case 'child': {
      const parent = val(s.base);
      if (parent < 25) return binomial(Math.floor(parent), ratio, rng);
      return Math.min(parent, Math.round(parent * ratio * rng.uniform(0.92, 1.08)));
    }
    case 'planned': {
      const room = Math.max(0, val(s.base) - (prev?.[code]?.ytd ?? 0));
      return Math.min(room, noisy((val(s.base) / 15) * rng.uniform(0.7, 1.3), rng));
    }
    case 'rate': return 0;
    case 'independent':
      if (dec === 0) return noisy(level, rng);
      return rng.chance(params.zeroProb[code]!) ? 0 : round(Math.max(0.1, level * rng.uniform(0.3, 1.8)), dec);
  }
}

function monthFigures(c: Ctx): MonthFigures {
  const { model, prev, cur } = c;
  for (const code of model.order) {
    const s = model.sources[code]!;
    const period = periodOf(code, s, c);
    const ytd = model.kinds[code] === 'flow' ? round((prev?.[code]?.ytd ?? 0) + period, model.decimals[code] ?? 0) : null;
    cur[code] = { period, ytd };
  }
  for (const code of model.order) {
    const s = model.sources[code]!;
    if (s.kind !== 'rate') continue;
    const n = cur[s.num]!;
    const d = cur[s.den]!;
    cur[code] = { period: rateOf(n.period, d.period), ytd: rateOf(n.ytd ?? 0, d.ytd ?? 0) };
  }
  return cur;
}

/** A unit's clean figures for months 1..lastMonth (year-to-date needs every month from January). */
export function unitSeries(unit: GenUnit, model: ValueModel, lastMonth: number, rng: Rng): Series {
  const params = unitParams(unit, model, rng.fork('params'));
  const series: Series = {};
  let prev: MonthFigures | null = null;
  for (let m = 1; m <= lastMonth; m++) {
    prev = monthFigures({ model, params, prev, cur: {}, rng: rng.fork(`month:${m}`) });
    series[m] = prev;
  }
  return series;
}
