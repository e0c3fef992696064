/** Figures with their provenance: file, sheet, cell and the text as typed. */
import type { Database } from 'better-sqlite3';
import { stmt } from '../statements';
import type { FigureRow } from '../../../../shared/types';
import type { ReturnFigure } from '../../import/recognise/recognise-return';

export function insertFigures(db: Database, fileId: number, unitId: number, figures: ReturnFigure[]): void {
  const ins = stmt(db, `INSERT INTO figures (file_id, unit_id, subunit, period, indicator, measure, role, value, raw, typed_unit, approx, label, sheet, cell)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const f of figures) {
    ins.run(fileId, unitId, f.subunit, f.period, f.indicator, f.measure, f.role, f.value, f.raw, f.typedUnit, f.approx ? 1 : 0, f.label, f.sheet, f.cell);
  }
}

export interface FigureFilter { all?: boolean; unit?: string; period?: string }

interface Row { unit: string; subunit: string | null; period: string; indicator: string; measure: 'period' | 'ytd'; value: number; raw: string; file: string; sheet: string; cell: string }

/**
 * The unit's figures and commune rows (a total row that repeats them is a check, not a figure).
 * Figures of superseded files only with `all`.
 */
export function listFigures(db: Database, filter: FigureFilter = {}): FigureRow[] {
  const where = ["fg.role <> 'total'", "f.outcome = 'imported'"];
  const args: string[] = [];
  if (!filter.all) where.push('f.superseded_by IS NULL');
  if (filter.unit) { where.push('u.code = ?'); args.push(filter.unit); }
  if (filter.period) { where.push('fg.period = ?'); args.push(filter.period); }
  const rows = stmt(db, `SELECT u.code AS unit, fg.subunit, fg.period, fg.indicator, fg.measure, fg.value, fg.raw, f.name AS file, fg.sheet, fg.cell
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE ${where.join(' AND ')} ORDER BY fg.file_id, fg.id`).all(...args) as Row[];
  return rows;
}
