/** Figures of one period as rows of units (and communes) by columns of indicators. */
import { percentOf, sumOrNull } from '../../../shared/figure-math';
import type { Flag, FigureRow, Indicator, Measure } from '../../../shared/types';

export interface PivotRow {
  /** Unit code plus commune: unique within the grid. */
  key: string;
  unit: string;
  subunit: string | null;
  label: string;
  values: Record<string, number>;
  /** The files its figures come from (the search finds a unit by its file). */
  files: string[];
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
      row = { key, unit: f.unit, subunit: f.subunit, label: f.subunit ?? `${f.unit} · ${unitName(f.unit)}`, values: {}, files: [] };
      rows.set(key, row);
    }
    row.values[f.indicator] = f.value;
    if (f.file && !row.files.includes(f.file)) row.files.push(f.file);
  }
  // The unit's own row first, its communes after it in name order.
  return [...rows.values()].sort((a, b) => a.unit.localeCompare(b.unit) || (a.subunit === null ? -1 : b.subunit === null ? 1 : a.subunit.localeCompare(b.subunit, 'vi')));
}

/**
 * The province row, by the export's rule (shared/figure-math): the units' own rows summed, and a
 * rate never summed but recomputed from the province's numerator and denominator, which are
 * added up whether or not their columns are shown. `indicators` are the columns shown.
 */
export function totalRow(rows: PivotRow[], indicators: Indicator[], label: string, catalog: Indicator[] = indicators): PivotRow {
  const sums = new Map<string, number | null>();
  const sum = (code: string): number | null => {
    if (!sums.has(code)) {
      const total = sumOrNull(rows.map((r) => (r.subunit === null ? r.values[code] ?? null : null)));
      // Floating point: 0.1 + 0.2 shown as 0,3 (figures have at most a few decimals).
      sums.set(code, total === null ? null : Math.round(total * 1000) / 1000);
    }
    return sums.get(code)!;
  };
  const byCode = new Map(catalog.map((i) => [i.code, i]));
  const values: Record<string, number> = {};
  for (const ind of indicators) {
    const rate = ind.kind === 'rate' ? (ind.rate ?? byCode.get(ind.code)?.rate ?? null) : null;
    const v = ind.kind !== 'rate' ? sum(ind.code) : rate ? percentOf(sum(rate.numerator), sum(rate.denominator)) : null;
    if (v !== null) values[ind.code] = v;
  }
  return { key: 'total', unit: '', subunit: null, label, values, files: [], total: true };
}

/** Cells whose value a reviewer corrected (figures listed with `effective`). */
export function correctedCells(figures: FigureRow[]): Set<string> {
  const out = new Set<string>();
  for (const f of figures) if (f.corrected) out.add(cellKey(f.unit, f.subunit, f.indicator, f.measure));
  return out;
}

/** Cells some open flag points at, in the given period, with those flags (a flag once per cell). */
export function flaggedCells(flags: Flag[], period: string): Map<string, Flag[]> {
  const out = new Map<string, Flag[]>();
  for (const flag of flags) {
    for (const f of flag.figures) {
      if (f.period !== period) continue;
      const key = cellKey(flag.unit, f.subunit, f.indicator, f.measure);
      const list = out.get(key) ?? [];
      if (!list.includes(flag)) list.push(flag);
      out.set(key, list);
    }
  }
  return out;
}
