/** The value that stands for a unit, period, indicator and measure, with its trail back to cells and decisions. */
import type { Database } from '../store/db';
import type { EffectiveValue, Measure, TrailStep } from '../../../shared/types';
import { choicesByUnitPeriod, eachEffectiveFigure } from '../store/queries/effective-figures';

export interface EffectiveQuery { unit: string; period: string; indicator: string; measure: Measure; subunit?: string | null }

export function effectiveValue(db: Database, q: EffectiveQuery): EffectiveValue {
  const trail: TrailStep[] = [];
  let value: number | null = null;
  const scope = { units: [q.unit], period: q.period, indicator: q.indicator, measure: q.measure, subunit: q.subunit ?? null, roles: 'figures', raw: true, ordered: true } as const;
  // Every file's cell, superseded ones too (the trail shows what was replaced); the latest standing file's value stands.
  eachEffectiveFigure(db, scope, (f) => {
    // A typed figure's cell is its typed return: where it came from, who typed it and when.
    trail.push({ kind: 'cell', file: f.file.name, sheet: f.sheet, cell: f.cell, raw: f.raw, value: f.read, superseded: f.file.superseded, ...(f.file.source ? { source: f.file.source } : {}) });
    for (const c of f.corrections) trail.push({ kind: 'correction', user: c.user, at: c.at, reason: c.reason, oldValue: c.oldValue, newValue: c.value });
    if (!f.file.superseded) value = f.value;
  });
  for (const c of choicesByUnitPeriod(db, [q.unit]).get(`${q.unit} ${q.period}`) ?? []) trail.push({ kind: 'choice', user: c.user, at: c.at, reason: c.reason, file: c.file });
  return { unit: q.unit, period: q.period, indicator: q.indicator, measure: q.measure, subunit: q.subunit ?? null, value, trail };
}
