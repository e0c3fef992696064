/**
 * A reference check of a unit's reported figures against the catalog's relations. The injector runs it
 * before and after each change so that a change raises the inconsistency it is meant to and no other.
 */
import type { CatalogFile, CatalogRelation } from '../../shared/catalog';
import { type Cell, type MonthFigures, type Series, rateOf } from './model';

export interface Flag { rule: string; month: number; indicators: string[] }

export interface CheckScope {
  /** Months for which the unit sent a return. */
  present: number[];
  /** False for the wide half-year layout, which states no year-to-date. */
  ytdReported: boolean;
  /** False where the layout leaves rates out. */
  rates: boolean;
}

const EPS = 1e-6;

export const flagKey = (f: Flag): string => `${f.rule}|${f.month}|${[...f.indicators].sort().join(',')}`;

function columns(a: Cell | undefined, b: Cell | undefined, ytd: boolean): [number, number][] {
  if (!a || !b) return [];
  const out: [number, number][] = [[a.period, b.period]];
  if (ytd && a.ytd !== null && b.ytd !== null) out.push([a.ytd, b.ytd]);
  return out;
}

function relationFlags(r: CatalogRelation, f: MonthFigures, scope: CheckScope): Flag['indicators'] | null {
  switch (r.rule) {
    case 'child_exceeds_parent':
      return columns(f[r.child], f[r.parent], scope.ytdReported).some(([c, p]) => c > p + EPS) ? [r.child, r.parent] : null;
    case 'participants_lt_sessions':
      return columns(f[r.child], f[r.parent], scope.ytdReported).some(([c, p]) => p < c - EPS) ? [r.parent, r.child] : null;
    case 'plan_exceeded': {
      const child = f[r.child]?.ytd ?? null;
      return child !== null && f[r.parent] && child > f[r.parent]!.period + EPS ? [r.child, r.parent] : null;
    }
    case 'parts_exceed_total':
    case 'sum_mismatch': {
      const sums = sumColumns(r.total, r.parts, f, scope.ytdReported);
      const bad = r.rule === 'sum_mismatch' ? sums.some(([t, s]) => Math.abs(t - s) > EPS) : sums.some(([t, s]) => s > t + EPS);
      return bad ? [r.total, ...r.parts] : null;
    }
    case 'rate_mismatch': {
      if (!scope.rates) return null;
      const [rate, num, den] = [f[r.rate], f[r.numerator], f[r.denominator]];
      if (!rate || !num || !den) return null;
      const off = Math.abs(rate.period - rateOf(num.period, den.period)) > 0.05 + EPS;
      const offYtd = scope.ytdReported && rate.ytd !== null && Math.abs(rate.ytd - rateOf(num.ytd ?? 0, den.ytd ?? 0)) > 0.05 + EPS;
      return off || offYtd ? [r.rate, r.numerator, r.denominator] : null;
    }
  }
}

function sumColumns(total: string, parts: string[], f: MonthFigures, ytd: boolean): [number, number][] {
  const t = f[total];
  if (!t || parts.some((p) => !f[p])) return [];
  const out: [number, number][] = [[t.period, parts.reduce((a, p) => a + f[p]!.period, 0)]];
  if (ytd && t.ytd !== null && parts.every((p) => f[p]!.ytd !== null)) out.push([t.ytd, parts.reduce((a, p) => a + f[p]!.ytd!, 0)]);
  return out;
}

function valueFlags(cat: CatalogFile, f: MonthFigures, month: number, scope: CheckScope): Flag[] {
  const flags: Flag[] = [];
  for (const ind of cat.indicators) {
    const c = f[ind.code];
    if (!c || (ind.kind === 'rate' && !scope.rates)) continue;
    const vals = scope.ytdReported && c.ytd !== null ? [c.period, c.ytd] : [c.period];
    if (vals.some((v) => v < 0)) flags.push({ rule: 'negative_value', month, indicators: [ind.code] });
    if (ind.kind === 'rate' && vals.some((v) => v < 0 || v > 100)) flags.push({ rule: 'rate_out_of_range', month, indicators: [ind.code] });
    if (ind.kind !== 'rate' && !ind.decimals && vals.some((v) => !Number.isInteger(v))) {
      flags.push({ rule: 'non_integer_count', month, indicators: [ind.code] });
    }
  }
  return flags;
}

function ytdFlags(cat: CatalogFile, series: Series, present: number[]): Flag[] {
  const flags: Flag[] = [];
  const months = [...present].sort((a, b) => a - b);
  for (const ind of cat.indicators.filter((i) => i.kind === 'flow')) {
    months.forEach((m, i) => {
      const cur = series[m]?.[ind.code];
      const prevMonth = months[i - 1];
      const prev = prevMonth === undefined ? undefined : series[prevMonth]?.[ind.code];
      if (!cur || cur.ytd === null) return;
      if (prev?.ytd != null && cur.ytd < prev.ytd - EPS) flags.push({ rule: 'ytd_decrease', month: m, indicators: [ind.code] });
      const expected = m === 1 ? cur.period : prevMonth === m - 1 && prev?.ytd != null ? prev.ytd + cur.period : null;
      if (expected !== null && Math.abs(cur.ytd - expected) > EPS) flags.push({ rule: 'ytd_mismatch', month: m, indicators: [ind.code] });
    });
  }
  return flags;
}

/** Every relation, value and year-to-date inconsistency in a unit's returns. */
export function checkUnit(cat: CatalogFile, series: Series, scope: CheckScope): Flag[] {
  const flags: Flag[] = [];
  for (const m of scope.present) {
    const f = series[m];
    if (!f) continue;
    flags.push(...valueFlags(cat, f, m, scope));
    for (const r of cat.relations) {
      const indicators = relationFlags(r, f, scope);
      if (indicators) flags.push({ rule: r.rule, month: m, indicators });
    }
  }
  if (scope.ytdReported) flags.push(...ytdFlags(cat, series, scope.present));
  return flags;
}
