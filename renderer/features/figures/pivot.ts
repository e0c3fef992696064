/** Figures of one period as rows of units (and communes) by columns of indicators. */
import type { Flag, FigureRow, Indicator, Measure } from '../../../shared/types';

export interface PivotRow {
  /** Unit code plus commune: unique within the grid. */
  key: string;
  unit: string;
  subunit: string | null;
  label: string;
  values: Record<string, number>;
  /** True for the province total (pinned, not clickable). */
  total?: boolean;
}

export function cellKey(unit: string, subunit: string | null, indicator: string, measure: Measure): string {
  return `${unit}|${subunit ?? ''}|${indicator}|${measure}`;
}

/**
 * One row per unit (and per commune when `withCommunes`). Where two files give the same figure,
 * the later file wins, as it does for the effective value.
 */
export function pivot(figures: FigureRow[], measure: Measure, unitName: (code: string) => string, withCommunes: boolean): PivotRow[] {
  const rows = new Map<string, PivotRow>();
  for (const f of figures) {
    if (f.measure !== measure || (f.subunit !== null && !withCommunes)) continue;
    const key = `${f.unit}|${f.subunit ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      row = { key, unit: f.unit, subunit: f.subunit, label: f.subunit ?? `${f.unit} · ${unitName(f.unit)}`, values: {} };
      rows.set(key, row);
    }
    row.values[f.indicator] = f.value;
  }
  // The unit's own row first, its communes after it in name order.
  return [...rows.values()].sort((a, b) => a.unit.localeCompare(b.unit) || (a.subunit === null ? -1 : b.subunit === null ? 1 : a.subunit.localeCompare(b.subunit, 'vi')));
}

/** Sum of the units' own rows. Rates are left out: a rate is never summed, and its two flows say what it is. */
export function totalRow(rows: PivotRow[], indicators: Indicator[], label: string): PivotRow {
  const values: Record<string, number> = {};
  for (const ind of indicators) {
    if (ind.kind === 'rate') continue;
    let sum = 0;
    let any = false;
    for (const r of rows) {
      const v = r.subunit === null ? r.values[ind.code] : undefined;
      if (v !== undefined) { sum += v; any = true; }
    }
    if (any) values[ind.code] = Math.round(sum * 1000) / 1000;
  }
  return { key: 'total', unit: '', subunit: null, label, values, total: true };
}

/** Cells whose value a reviewer corrected (figures listed with `effective`). */
export function correctedCells(figures: FigureRow[]): Set<string> {
  const out = new Set<string>();
  for (const f of figures) if (f.corrected) out.add(cellKey(f.unit, f.subunit, f.indicator, f.measure));
  return out;
}

/** Cells some open flag points at, in the given period. */
export function flaggedCells(flags: Flag[], period: string): Set<string> {
  const out = new Set<string>();
  for (const flag of flags) {
    for (const f of flag.figures) if (f.period === period) out.add(cellKey(flag.unit, f.subunit, f.indicator, f.measure));
  }
  return out;
}
