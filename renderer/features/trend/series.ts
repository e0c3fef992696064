/** An indicator's monthly series: for the province (the units' own rows summed) or for each of a few units. */
import type { FigureRow, Flag, Measure } from '../../../shared/types';

/** One line of the chart: the province or a unit, its values on the shared months, and its flagged months. */
export interface Line { key: string; values: (number | null)[]; flags: (string | null)[] }
export interface Lines { months: string[]; lines: Line[] }

/** At most this many units on one chart: more lines than that cannot be told apart. */
export const MAX_UNITS = 5;

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
 * text is the flags' messages, for the tooltip.
 */
export function trendLines(figures: FigureRow[], flags: Flag[], indicator: string, measure: Measure, units: string[]): Lines {
  const byMonth = byUnitMonth(figures, indicator, measure);
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
      return [...at.values()].reduce((a, b) => a + b, 0);
    }),
    flags: months.map((m) => [...new Set(flagged.get(`${key}|${m}`) ?? [])].join('\n') || null),
  }));
  return { months, lines };
}
