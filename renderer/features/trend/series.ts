/** One indicator's monthly series for a unit, or for the province (the units' own rows summed). */
import type { FigureRow, Measure } from '../../../shared/types';

export interface Series { months: string[]; values: (number | null)[] }

export function monthlySeries(figures: FigureRow[], indicator: string, measure: Measure, unit: string | null): Series {
  const byMonth = new Map<string, Map<string, number>>();
  for (const f of figures) {
    if (f.indicator !== indicator || f.measure !== measure || f.subunit !== null || !/^\d{4}-\d{2}$/.test(f.period)) continue;
    if (unit && f.unit !== unit) continue;
    // The later file's figure for a unit and month stands, as in the grid.
    const units = byMonth.get(f.period) ?? new Map<string, number>();
    units.set(f.unit, f.value);
    byMonth.set(f.period, units);
  }
  const months = [...byMonth.keys()].sort();
  return { months, values: months.map((m) => [...byMonth.get(m)!.values()].reduce((a, b) => a + b, 0)) };
}
