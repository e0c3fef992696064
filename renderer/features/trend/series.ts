/** An indicator's monthly series: for the province (the units' own rows summed) or for each of a few units. */
import { percentOf } from '../../../shared/figure-math';
import type { FigureRow, Flag, Indicator, Measure } from '../../../shared/types';

/** One line of the chart: the province or a unit, its values on the shared months, and its flagged months. */
export interface Line { key: string; values: (number | null)[]; flags: (string | null)[] }
export interface Lines { months: string[]; lines: Line[] }

/** At most this many units on one chart: more lines than that cannot be told apart. */
export const MAX_UNITS = 5;

/**
 * The indicators whose figures a trend of `ind` reads: the indicator, and for a rate its numerator
 * and denominator (the province's rate is computed from them). What the screen asks the store for.
 */
export function trendIndicators(ind: Pick<Indicator, 'code' | 'rate'>): string[] {
  return [...new Set([ind.code, ...(ind.rate ? [ind.rate.numerator, ind.rate.denominator] : [])])];
}

function byUnitMonth(figures: FigureRow[], indicator: string, measure: Measure): Map<string, Map<string, number>> {
  const byMonth = new Map<string, Map<string, number>>();
  for (const f of figures) {
    if (f.indicator !== indicator || f.measure !== measure || f.subunit !== null || !/^\d{4}-\d{2}$/.test(f.period)) continue;
    // The later file's figure for a unit and month stands, as in the grid.
    const units = byMonth.get(f.period) ?? new Map<string, number>();
    units.set(f.unit, f.value);
    byMonth.set(f.period, units);
  }
  return byMonth;
}

/**
 * The province's line where no unit is chosen, else one line per chosen unit. A point is flagged
 * where an open flag names that figure (for the province: any unit's figure that month); its
 * text is the flags' messages, for the tooltip. The province's rate is its numerator over its
 * denominator each month (shared/figure-math, the export's rule), never the units' rates summed.
 */
export function trendLines(figures: FigureRow[], flags: Flag[], ind: Pick<Indicator, 'code' | 'rate'>, measure: Measure, units: string[]): Lines {
  const indicator = ind.code;
  const byMonth = byUnitMonth(figures, indicator, measure);
  const parts = ind.rate ? { num: byUnitMonth(figures, ind.rate.numerator, measure), den: byUnitMonth(figures, ind.rate.denominator, measure) } : null;
  const total = (at: Map<string, number> | undefined) => (at && at.size ? [...at.values()].reduce((a, b) => a + b, 0) : null);
  const flagged = new Map<string, string[]>();
  for (const flag of flags) {
    for (const f of flag.figures) {
      if (f.indicator !== indicator || f.measure !== measure || f.subunit !== null) continue;
      for (const key of [`${flag.unit}|${f.period}`, `|${f.period}`]) flagged.set(key, [...(flagged.get(key) ?? []), flag.message]);
    }
  }
  const months = [...byMonth.keys()].filter((m) => units.length === 0 || units.some((u) => byMonth.get(m)!.has(u))).sort();
  const keys = units.length ? units : [''];
  const lines = keys.map((key): Line => ({
    key,
    values: months.map((m) => {
      const at = byMonth.get(m)!;
      if (key) return at.get(key) ?? null;
      if (parts) return percentOf(total(parts.num.get(m)), total(parts.den.get(m)));
      return total(at);
    }),
    flags: months.map((m) => [...new Set(flagged.get(`${key}|${m}`) ?? [])].join('\n') || null),
  }));
  return { months, lines };
}
