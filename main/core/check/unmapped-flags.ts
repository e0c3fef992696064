/** A label left unmapped is a flag too: its figures are not in the store until a person maps it. */
import type { Database } from 'better-sqlite3';
import type { LabelSuggestion } from '../../../shared/types';
import type { FlagDraft } from '../reconcile/types';
import { periodLabel } from '../reconcile/format';
import { stmt } from '../store/statements';

interface Row { id: number; label: string; sheet: string; cell: string; suggestions: string; cells: string; file: string; fileId: number; importedAt: string; unit: string; unitName: string }

export function unmappedDrafts(db: Database, units?: Set<string>): FlagDraft[] {
  const rows = stmt(db, `SELECT r.id, r.label, r.sheet, r.cell, r.suggestions, r.cells, f.name AS file, f.id AS fileId, f.imported_at AS importedAt, u.code AS unit, u.name AS unitName
    FROM unmapped_rows r JOIN files f ON f.id = r.file_id JOIN units u ON u.id = f.unit_id
    WHERE r.resolved_at IS NULL AND f.superseded_by IS NULL ORDER BY r.id`).all() as Row[];
  return rows.filter((r) => !units || units.has(r.unit)).map((r) => {
    const periods = [...new Set((JSON.parse(r.cells) as { period: string }[]).map((c) => c.period))].sort();
    const suggestions = (JSON.parse(r.suggestions) as LabelSuggestion[]).map((s) => `${s.name} (${s.indicator})`);
    return {
      rule: 'unmapped_label', severity: 'warning', unit: r.unit, period: periods[0] ?? '', periods, indicators: [], key: `${r.file}|${r.sheet}|${r.cell}`,
      figures: [{ id: -r.id, fileId: r.fileId, file: r.file, fileImportedAt: r.importedAt, unit: r.unit, unitName: r.unitName, subunit: null, period: periods[0] ?? '',
        indicator: '', measure: 'period', role: 'value', value: 0, raw: r.label, sheet: r.sheet, cell: r.cell, superseded: false }],
      message: `Nhãn “${r.label}” chưa khớp chỉ tiêu nào${suggestions.length ? ` (gần nhất: ${suggestions.join('; ')})` : ''}; số liệu của dòng này chưa được nhập — ${r.unitName}, ${periodLabel(periods[0] ?? '')}, tệp ${r.file}, trang “${r.sheet}”, ô ${r.cell}`,
    };
  });
}
