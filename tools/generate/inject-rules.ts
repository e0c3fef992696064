/**
 * The inconsistencies the generator puts in, one function per rule. Each changes a unit's reported
 * figures the way a clerk's slip would (a typed extra zero, a dropped digit, a total that forgot a
 * part) and says which indicators it touched; inject.ts checks the change raises only that rule.
 */
import type { CatalogFile, CatalogRelation } from '../../shared/catalog';
import type { GenUnit, Layout, MonthFigures, Series } from './model';
import { rateOf, round } from './model';
import type { Rng } from './prng';

export interface UnitState {
  unit: GenUnit;
  layout: Layout;
  series: Series;
  /** Months the unit sent a return for. */
  present: Set<number>;
  communeIndicators: string[];
}

export interface Attempt { st: UnitState; month: number; rng: Rng; cat: CatalogFile }

export interface Outcome {
  indicators: string[];
  /** The reference check sees it (false: outliers, communes, resubmissions, missing returns). */
  visible: boolean;
  /** It may persist into later months' year-to-date (a lowered plan, a total that stays off). */
  spread?: boolean;
  /** A second rule that necessarily fires in the same month (a lower year-to-date is also off). */
  companion?: string;
  original?: MonthFigures;
}

export interface Rule { name: string; layouts: Layout[]; apply: (a: Attempt) => Outcome | null }

const ALL: Layout[] = ['A', 'B', 'C', 'D'];
const WITH_YTD: Layout[] = ['A', 'B', 'C'];

/** Sets a month's figure; a flow's year-to-date from that month on carries the difference, as the unit's books would. */
export function setPeriod(series: Series, month: number, code: string, value: number): void {
  const cell = series[month]?.[code];
  if (!cell) return;
  const delta = value - cell.period;
  cell.period = value;
  if (cell.ytd === null) return;
  for (const m of Object.keys(series).map(Number).filter((x) => x >= month)) {
    const c = series[m]![code]!;
    c.ytd = round(c.ytd! + delta, 4);
  }
}

function shiftYtd(series: Series, month: number, code: string, delta: number): void {
  for (const m of Object.keys(series).map(Number).filter((x) => x >= month)) {
    const c = series[m]![code]!;
    if (c.ytd !== null) c.ytd = round(c.ytd + delta, 4);
  }
}

/** One relation of the rule, at random; null when the catalog has none. */
function relation(a: Attempt, rule: CatalogRelation['rule']): CatalogRelation | null {
  const rs = a.cat.relations.filter((r) => r.rule === rule);
  return rs.length ? a.rng.pick(rs) : null;
}

const kindOf = (cat: CatalogFile, code: string) => cat.indicators.find((i) => i.code === code);

function pickIndicator(a: Attempt, ok: (code: string, f: MonthFigures) => boolean): string | null {
  const f = a.st.series[a.month]!;
  const codes = a.cat.indicators.map((i) => i.code).filter((c) => f[c] && ok(c, f));
  return codes.length ? a.rng.pick(codes) : null;
}

function childExceedsParent(a: Attempt): Outcome | null {
  const r = relation(a, 'child_exceeds_parent');
  if (!r || !('child' in r)) return null;
  const parent = a.st.series[a.month]![r.parent]!.period;
  setPeriod(a.st.series, a.month, r.child, parent + 1 + a.rng.int(0, Math.round(parent * 0.08)));
  return { indicators: [r.child, r.parent], visible: true };
}

function participantsLtSessions(a: Attempt): Outcome | null {
  const r = relation(a, 'participants_lt_sessions');
  if (!r || !('child' in r)) return null;
  const f = a.st.series[a.month]!;
  const sessions = f[r.child]!.period;
  if (sessions < 2) return null;
  // Participants typed in hundreds: 700 became 7.
  setPeriod(a.st.series, a.month, r.parent, Math.min(sessions - 1, Math.round(f[r.parent]!.period / 100)));
  return { indicators: [r.parent, r.child], visible: true };
}

function planExceeded(a: Attempt): Outcome | null {
  const r = relation(a, 'plan_exceeded');
  if (!r || !('child' in r)) return null;
  const ytd = a.st.series[a.month]![r.child]!.ytd ?? 0;
  const before = a.st.series[a.month - 1]?.[r.child]?.ytd ?? 0;
  if (ytd - 1 < Math.max(1, before)) return null;
  // A plan set too low: once passed, it stays passed.
  const plan = a.rng.int(Math.max(1, before), ytd - 1);
  for (const f of Object.values(a.st.series)) if (f[r.parent]) f[r.parent]!.period = plan;
  return { indicators: [r.child, r.parent], visible: true, spread: true };
}

function outlier(a: Attempt): Outcome | null {
  const code = pickIndicator(a, (c, f) => {
    const k = kindOf(a.cat, c)?.kind;
    return (k === 'flow' || k === 'stock') && f[c]!.period >= (kindOf(a.cat, c)?.decimals ? 0.2 : 3);
  });
  if (!code) return null;
  const v = a.st.series[a.month]![code]!.period;
  setPeriod(a.st.series, a.month, code, round(v * 10, 4));
  return { indicators: [code], visible: false };
}

function countCode(a: Attempt, min: number): string | null {
  return pickIndicator(a, (c, f) => {
    const ind = kindOf(a.cat, c);
    return !!ind && (ind.kind === 'flow' || ind.kind === 'stock') && !ind.decimals && f[c]!.period >= min;
  });
}

function nonIntegerCount(a: Attempt): Outcome | null {
  const code = countCode(a, 1);
  if (!code) return null;
  const v = a.st.series[a.month]![code]!.period;
  // "12,5" for 12, or 1,5 for 15 typed with a stray comma.
  setPeriod(a.st.series, a.month, code, v >= 11 && v % 10 !== 0 && a.rng.chance(0.5) ? v / 10 : v + 0.5);
  return { indicators: [code], visible: true };
}

function negativeValue(a: Attempt): Outcome | null {
  const code = countCode(a, 1);
  if (!code) return null;
  setPeriod(a.st.series, a.month, code, -a.st.series[a.month]![code]!.period);
  return { indicators: [code], visible: true };
}

function sumMismatch(a: Attempt): Outcome | null {
  const r = relation(a, 'sum_mismatch');
  if (!r || !('parts' in r)) return null;
  const f = a.st.series[a.month]!;
  const total = f[r.total]!.period;
  const parts = r.parts.filter((p) => f[p]!.period >= 1);
  // A total that forgot one part, or one typed wrong.
  const wrong = parts.length && a.rng.chance(0.5)
    ? total - f[a.rng.pick(parts)]!.period
    : total + (a.rng.chance(0.5) ? 1 : -1) * a.rng.int(1, Math.max(1, Math.round(total * 0.1)));
  if (wrong < 0 || wrong === total) return null;
  setPeriod(a.st.series, a.month, r.total, wrong);
  return { indicators: [r.total, ...r.parts], visible: true, spread: true };
}

function rateMismatch(a: Attempt): Outcome | null {
  const r = relation(a, 'rate_mismatch');
  if (!r || !('rate' in r)) return null;
  const f = a.st.series[a.month]!;
  const right = rateOf(f[r.numerator]!.period, f[r.denominator]!.period);
  const wrong = round(Math.min(100, Math.max(0, right + (a.rng.chance(0.5) ? 1 : -1) * a.rng.uniform(3, 15))), 1);
  if (Math.abs(wrong - right) < 1) return null;
  f[r.rate]!.period = wrong;
  return { indicators: [r.rate, r.numerator, r.denominator], visible: true };
}

function rateOutOfRange(a: Attempt): Outcome | null {
  const code = pickIndicator(a, (c) => kindOf(a.cat, c)?.kind === 'rate');
  if (!code) return null;
  const cell = a.st.series[a.month]![code]!;
  // The decimal point lost (59,2 -> 592), or a rate over 100.
  cell.period = cell.period >= 10.05 ? round(cell.period * 10, 1) : round(100 + a.rng.uniform(0.5, 40), 1);
  return { indicators: [code], visible: true, companion: 'rate_mismatch' };
}

function flowCode(a: Attempt, minYtd: number): string | null {
  return pickIndicator(a, (c, f) => {
    const ind = kindOf(a.cat, c);
    return ind?.kind === 'flow' && !ind.decimals && (f[c]!.ytd ?? 0) >= minYtd;
  });
}

function ytdDecrease(a: Attempt): Outcome | null {
  if (!a.st.present.has(a.month - 1)) return null;
  const code = flowCode(a, 2);
  const prev = code ? a.st.series[a.month - 1]![code]!.ytd ?? 0 : 0;
  if (!code || prev < 2) return null;
  const ytd = a.st.series[a.month]![code]!.ytd!;
  // A dropped digit (1005 -> 505), else a little below last month.
  const wrong = Math.floor(ytd / 10) < prev && a.rng.chance(0.6) ? Math.floor(ytd / 10) : prev - a.rng.int(1, Math.max(1, Math.floor(prev / 5)));
  shiftYtd(a.st.series, a.month, code, wrong - ytd);
  return { indicators: [code], visible: true, companion: 'ytd_mismatch' };
}

function ytdMismatch(a: Attempt): Outcome | null {
  if (a.month !== 1 && !a.st.present.has(a.month - 1)) return null;
  const code = flowCode(a, 1);
  if (!code) return null;
  const ytd = a.st.series[a.month]![code]!.ytd!;
  shiftYtd(a.st.series, a.month, code, a.rng.int(1, Math.max(2, Math.round(ytd * 0.1))));
  return { indicators: [code], visible: true };
}

function communeTotalMismatch(a: Attempt): Outcome | null {
  const f = a.st.series[a.month]!;
  const codes = a.st.communeIndicators.filter((c) => (f[c]?.period ?? 0) >= 1);
  return codes.length ? { indicators: [a.rng.pick(codes)], visible: false } : null;
}

function conflictingResubmission(a: Attempt): Outcome | null {
  const code = flowCode(a, 0);
  if (!code) return null;
  const original = structuredClone(a.st.series[a.month]!);
  // Corrected with the figures tied to it, so the second file is consistent in itself.
  const tied = a.cat.relations.filter((r) => r.rule === 'child_exceeds_parent' || r.rule === 'participants_lt_sessions');
  const linked = tied.flatMap((r) => ('child' in r && (r.child === code || r.parent === code) ? [r.child, r.parent] : []));
  const group = [...new Set([code, ...linked])].filter((c) => original[c]);
  const factor = a.rng.chance(0.5) ? a.rng.uniform(0.6, 0.85) : a.rng.uniform(1.15, 1.5);
  for (const c of group) setPeriod(a.st.series, a.month, c, Math.round(original[c]!.period * factor));
  const changed = group.filter((c) => a.st.series[a.month]![c]!.period !== original[c]!.period);
  return changed.length ? { indicators: changed, visible: false, original } : null;
}

function missingReturn(a: Attempt): Outcome | null {
  a.st.present.delete(a.month);
  return { indicators: [], visible: false };
}

export const RULES: Rule[] = [
  { name: 'child_exceeds_parent', layouts: ALL, apply: childExceedsParent },
  { name: 'participants_lt_sessions', layouts: ALL, apply: participantsLtSessions },
  { name: 'plan_exceeded', layouts: ALL, apply: planExceeded },
  { name: 'outlier', layouts: ALL, apply: outlier },
  { name: 'non_integer_count', layouts: ALL, apply: nonIntegerCount },
  { name: 'negative_value', layouts: ALL, apply: negativeValue },
  { name: 'sum_mismatch', layouts: ALL, apply: sumMismatch },
  { name: 'rate_mismatch', layouts: WITH_YTD, apply: rateMismatch },
  { name: 'rate_out_of_range', layouts: WITH_YTD, apply: rateOutOfRange },
  { name: 'ytd_decrease', layouts: WITH_YTD, apply: ytdDecrease },
  { name: 'ytd_mismatch', layouts: WITH_YTD, apply: ytdMismatch },
  { name: 'commune_total_mismatch', layouts: ['C'], apply: communeTotalMismatch },
  { name: 'conflicting_resubmission', layouts: WITH_YTD, apply: conflictingResubmission },
  { name: 'missing_return', layouts: WITH_YTD, apply: missingReturn },
];
