/** The store's figures as the rules see them: effective values (after corrections) with their cells. */
import type { Database } from 'better-sqlite3';
import type { RuleFigure } from '../reconcile/types';
import { stmt } from '../store/statements';

export function loadRuleFigures(db: Database, units?: string[]): RuleFigure[] {
  const only = units ? `AND u.code IN (${units.map(() => '?').join(',')})` : '';
  const rows = stmt(db, `SELECT fg.id, fg.file_id AS fileId, f.name AS file, f.imported_at AS fileImportedAt, u.code AS unit, u.name AS unitName,
      fg.subunit, fg.period, fg.indicator, fg.measure, fg.role,
      COALESCE((SELECT c.value FROM corrections c WHERE c.figure_id = fg.id ORDER BY c.id DESC LIMIT 1), fg.value) AS value,
      fg.raw, fg.sheet, fg.cell, f.superseded_by IS NOT NULL AS superseded
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE f.outcome = 'imported' ${only} ORDER BY fg.id`).all(...(units ?? [])) as (Omit<RuleFigure, 'superseded'> & { superseded: number })[];
  return rows.map((r) => ({ ...r, superseded: r.superseded === 1 }));
}
