/** A cell that gave no figure (a formula saved without its result) is an error flag of its own; the rest of its file was read. */
import type { Database } from '../store/db';
import type { FlagDraft } from '../reconcile/types';
import { message } from '../../../shared/messages';
import { flagText } from '../reconcile/figures';
import { standingCellErrors } from '../store/queries/cell-errors';

export const FORMULA_RULE = 'formula_no_cache';

export function cellErrorDrafts(db: Database, units?: Set<string>): FlagDraft[] {
  return standingCellErrors(db).filter((e) => !units || units.has(e.unit)).map((e) => ({
    rule: FORMULA_RULE, severity: 'error', unit: e.unit, period: e.period ?? '', periods: e.period ? [e.period] : [], indicators: [],
    key: `${e.file}|${e.sheet}|${e.cell}`,
    figures: [{
      id: -e.id, fileId: e.fileId, file: e.file, fileImportedAt: e.importedAt, unit: e.unit, unitName: e.unitName, subunit: null, period: e.period ?? '',
      indicator: '', measure: 'period', role: 'value', value: 0, raw: `=${e.formula}`, sheet: e.sheet, cell: e.cell, superseded: false,
    }],
    ...flagText(message('formula_no_cache', { cell: e.cell, label: e.label, formula: e.formula, unitName: e.unitName, period: e.period ?? '', file: e.file, sheet: e.sheet })),
  }));
}
