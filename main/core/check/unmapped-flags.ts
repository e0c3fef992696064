/**
 * A label left unmapped is a flag too: its figures are not in the store until a person maps it.
 * One flag per label (as folded), naming every file, unit, period and cell where it occurs, so
 * that four unknown wordings are four flags, not one per file; mapping it once reads them all.
 */
import type { Database } from '../store/db';
import type { LabelSuggestion } from '../../../shared/types';
import type { FlagDraft, RuleFigure } from '../reconcile/types';
import { message } from '../../../shared/messages';
import { flagText } from '../reconcile/figures';
import type { WaitingRow } from '../store/queries/check-inputs';
import { waitingUnmappedRows } from '../store/queries/check-inputs';

export const UNMAPPED_RULE = 'unmapped_label';

export function unmappedDrafts(db: Database): FlagDraft[] {
  const byLabel = new Map<string, WaitingRow[]>();
  for (const r of waitingUnmappedRows(db)) (byLabel.get(r.folded) ?? byLabel.set(r.folded, []).get(r.folded)!).push(r);
  return [...byLabel.entries()].map(([folded, rows]) => draft(folded, rows));
}

function draft(folded: string, rows: WaitingRow[]): FlagDraft {
  const periodsOf = (r: WaitingRow) => [...new Set((JSON.parse(r.cells) as { period: string }[]).map((c) => c.period))].sort();
  const periods = [...new Set(rows.flatMap(periodsOf))].sort();
  const units = [...new Set(rows.map((r) => r.unit))].sort();
  const first = rows[0]!;
  const suggestions = (JSON.parse(first.suggestions) as LabelSuggestion[]).map((s) => ({ name: s.name, indicator: s.indicator }));
  const figures: RuleFigure[] = rows.map((r) => ({
    id: -r.id, fileId: r.fileId, file: r.file, fileImportedAt: r.importedAt, unit: r.unit, unitName: r.unitName, subunit: null,
    period: periodsOf(r)[0] ?? '', indicator: '', measure: 'period', role: 'value', value: 0, raw: r.label, sheet: r.sheet, cell: r.cell, superseded: false,
  }));
  const places = rows.map((r) => ({ unitName: r.unitName, period: periodsOf(r)[0] ?? '', file: r.file, sheet: r.sheet, cell: r.cell }));
  const files = new Set(rows.map((r) => r.fileId)).size;
  return {
    rule: UNMAPPED_RULE, severity: 'warning', unit: units[0] ?? '', period: periods[0] ?? '', periods, indicators: [], key: folded, figures,
    ...flagText(message('unmapped_label', { label: first.label, suggestions, files, places })),
  };
}
