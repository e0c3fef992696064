/** Cells of imported files that gave no figure: a formula without its cached result (issue 14). */
import type { Database } from '../db';
import type { NewCellError } from '../rows';
import { stmt } from '../statements';

export function insertCellErrors(db: Database, fileId: number, rows: NewCellError[]): void {
  const ins = stmt(db, 'INSERT INTO cell_errors (file_id, sheet, cell, kind, formula, label) VALUES (?, ?, ?, ?, ?, ?)');
  for (const r of rows) ins.run(fileId, r.sheet, r.cell, r.kind, r.formula, r.label);
}

export interface CellErrorRow {
  id: number; sheet: string; cell: string; kind: string; formula: string; label: string | null;
  file: string; fileId: number; importedAt: string; unit: string; unitName: string; period: string | null;
}

/** The cell errors of standing files (a file superseded by a resubmission no longer counts). */
export function standingCellErrors(db: Database): CellErrorRow[] {
  return stmt(db, `SELECT e.id, e.sheet, e.cell, e.kind, e.formula, e.label, f.name AS file, f.id AS fileId, f.imported_at AS importedAt,
      u.code AS unit, u.name AS unitName, (SELECT min(p.period) FROM file_periods p WHERE p.file_id = f.id) AS period
    FROM cell_errors e JOIN files f ON f.id = e.file_id JOIN units u ON u.id = f.unit_id
    WHERE f.superseded_by IS NULL ORDER BY e.id`).all() as CellErrorRow[];
}
