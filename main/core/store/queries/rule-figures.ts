/** The store's figures as the rules see them: effective values (store/queries/effective-figures.ts) with their cells. */
import type { Database } from '../db';
import type { RuleFigure } from '../../reconcile/types';
import { eachEffectiveFigure } from './effective-figures';
import { interner } from '../../text/interner';

/**
 * Every figure of the units (all where none are given), superseded files' too (the resubmission rule
 * compares them), each with the value that stands. `peerValues`: only what the outlier rule compares
 * across units (units' own within-month figures, without their cells), for a re-check that comes
 * before any full check in this process.
 */
export function loadRuleFigures(db: Database, units?: string[], peerValues = false): RuleFigure[] {
  // The few distinct texts shared (text/interner.ts).
  const [subunit, period, indicator, sheet, cell] = [interner(), interner(), interner(), interner(), interner()];
  const out: RuleFigure[] = [];
  eachEffectiveFigure(db, { ...(units ? { units } : {}), peerValues }, (f) => {
    out.push({
      id: f.id, fileId: f.file.id, file: f.file.name, fileImportedAt: f.file.importedAt, unit: f.unit.code, unitName: f.unit.name,
      subunit: f.subunit === null ? null : subunit(f.subunit), period: period(f.period), indicator: indicator(f.indicator),
      measure: f.measure, role: f.role, value: f.value, raw: '', sheet: sheet(f.sheet), cell: cell(f.cell), superseded: f.file.superseded,
    });
  });
  return out;
}
