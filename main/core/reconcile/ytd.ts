/** Year-to-date series of a flow, month by month, and where its chain of sums breaks. */
import { EPS, monthOf, slotFigures, slotsOf } from './figures';
import type { RuleContext, RuleFigure } from './types';

export interface MonthFigures { period?: RuleFigure; ytd?: RuleFigure }
export interface YtdSeries { year: number; months: Map<number, MonthFigures> }

/**
 * One series per (unit, commune, flow indicator, year), from monthly figures only. Both year-to-date
 * rules ask for the same figure list's series: they are made once.
 */
const seriesCache = new WeakMap<RuleFigure[], YtdSeries[]>();
export function ytdSeries(figures: RuleFigure[], ctx: RuleContext): YtdSeries[] {
  const cached = seriesCache.get(figures);
  if (cached) return cached;
  // (unit|commune|year) -> indicator -> series: a key string per slot, not per figure.
  const series = new Map<string, Map<string, YtdSeries>>();
  for (const slot of slotsOf(figures)) {
    const ym = monthOf(slot.period);
    if (!ym) continue;
    const k = `${slot.unit}|${slot.subunit ?? ''}|${ym.year}`;
    const byIndicator = series.get(k) ?? series.set(k, new Map()).get(k)!;
    for (const f of slotFigures(slot)) {
      // Only flows add up over the year; a rate's or a stock's year-to-date need not grow.
      if (ctx.indicators.get(f.indicator)?.kind !== 'flow') continue;
      let s = byIndicator.get(f.indicator);
      if (!s) byIndicator.set(f.indicator, (s = { year: ym.year, months: new Map() }));
      const entry = s.months.get(ym.month) ?? {};
      entry[f.measure] = f;
      s.months.set(ym.month, entry);
    }
  }
  const out = [...series.values()].flatMap((m) => [...m.values()]);
  seriesCache.set(figures, out);
  return out;
}

/** What month m's year-to-date should be: last month's plus this month's (January: this month's). */
export function expectedYtd(s: YtdSeries, m: number): number | null {
  const own = s.months.get(m)?.period;
  if (!own) return null;
  if (m === 1) return own.value;
  const prev = s.months.get(m - 1)?.ytd;
  return prev ? prev.value + own.value : null;
}

export function chainBroken(s: YtdSeries, m: number): boolean {
  const ytd = s.months.get(m)?.ytd;
  const expected = expectedYtd(s, m);
  return ytd !== undefined && expected !== null && Math.abs(ytd.value - expected) > EPS;
}

/**
 * True when the break between months m-1 and m is last month's fault: its year-to-date broke the
 * chain, and this month's agrees with the chain rebuilt without it. One wrong cell then gives one
 * flag, not a second one (mismatch or decrease) in the month after.
 */
export function blamesPrevious(s: YtdSeries, m: number): boolean {
  if (m < 2 || !chainBroken(s, m - 1)) return false;
  const before = expectedYtd(s, m - 1);
  const own = s.months.get(m)?.period;
  const ytd = s.months.get(m)?.ytd;
  return before !== null && own !== undefined && ytd !== undefined && Math.abs(ytd.value - (before + own.value)) <= EPS;
}
