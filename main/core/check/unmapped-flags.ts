/** A label left unmapped is a flag too: its figures are not in the store until a person maps it. */
import type { Database } from 'better-sqlite3';
import type { LabelSuggestion } from '../../../shared/types';
import type { FlagDraft } from '../reconcile/types';
import { message } from '../../../shared/messages';
import { flagText } from '../reconcile/figures';
import { waitingUnmappedRows } from '../store/queries/check-inputs';

export function unmappedDrafts(db: Database, units?: Set<string>): FlagDraft[] {
  return waitingUnmappedRows(db).filter((r) => !units || units.has(r.unit)).map((r) => {
    const periods = [...new Set((JSON.parse(r.cells) as { period: string }[]).map((c) => c.period))].sort();
    const suggestions = (JSON.parse(r.suggestions) as LabelSuggestion[]).map((s) => ({ name: s.name, indicator: s.indicator }));
    return {
      rule: 'unmapped_label', severity: 'warning', unit: r.unit, period: periods[0] ?? '', periods, indicators: [], key: `${r.file}|${r.sheet}|${r.cell}`,
      figures: [{ id: -r.id, fileId: r.fileId, file: r.file, fileImportedAt: r.importedAt, unit: r.unit, unitName: r.unitName, subunit: null, period: periods[0] ?? '',
        indicator: '', measure: 'period', role: 'value', value: 0, raw: r.label, sheet: r.sheet, cell: r.cell, superseded: false }],
      ...flagText(message('unmapped_label', { label: r.label, suggestions, unitName: r.unitName, period: periods[0] ?? '', file: r.file, sheet: r.sheet, cell: r.cell })),
    };
  });
}
