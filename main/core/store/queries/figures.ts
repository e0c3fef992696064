/** Figures with their provenance: file, sheet, cell and the text as typed. */
import type { Database } from '../db';
import { insertRows, stmt } from '../statements';
import type { FigureRow } from '../../../../shared/types';
import type { NewFigure } from '../rows';
import { eachEffectiveFigure } from './effective-figures';

export const FIGURE_COLUMNS = ['file_id', 'unit_id', 'subunit', 'subunit_code', 'period', 'indicator', 'measure', 'role', 'value', 'raw', 'typed_unit', 'approx', 'label', 'sheet', 'cell'] as const;

/** A file's figures in one go (COPY on a shared store, where a statement per 32 rows cost a round trip each). */
export function insertFigures(db: Database, fileId: number, unitId: number, figures: NewFigure[]): void {
  insertRows(db, 'figures', FIGURE_COLUMNS, figures.map((f) => [fileId, unitId, f.subunit, f.subunitCode ?? null, f.period, f.indicator, f.measure, f.role, f.value, f.raw, f.typedUnit, f.approx ? 1 : 0, f.label, f.sheet, f.cell]));
}

export interface FigureFilter { all?: boolean; unit?: string; period?: string; effective?: boolean; indicators?: readonly string[] }

/**
 * The unit's figures and commune rows (a total row that repeats them is a check, not a figure).
 * Figures of superseded files only with `all`; with `indicators`, only theirs. With `effective`, each
 * value that stands (store/queries/effective-figures.ts), marked `corrected`; without it, the value
 * as read (what the CLI prints).
 */
export function listFigures(db: Database, filter: FigureFilter = {}): FigureRow[] {
  const out: FigureRow[] = [];
  const scope = { roles: 'figures', standing: !filter.all, raw: true, ordered: true, ...(filter.unit ? { units: [filter.unit] } : {}), ...(filter.period ? { period: filter.period } : {}), ...(filter.indicators ? { indicators: filter.indicators } : {}) } as const;
  eachEffectiveFigure(db, scope, (f) => {
    const row: FigureRow = { unit: f.unit.code, subunit: f.subunit, period: f.period, indicator: f.indicator, measure: f.measure, value: filter.effective ? f.value : f.read, raw: f.raw, subunitCode: f.subunitCode, file: f.file.source ? null : f.file.name, sheet: f.sheet, cell: f.cell, ...(f.file.source ? { source: f.file.source } : {}) };
    out.push(filter.effective ? { ...row, corrected: f.corrections.length > 0 } : row);
  });
  return out;
}

/**
 * The unit's own standing figure for one indicator and period (the latest file's, corrections
 * applied), to check what a later return states about that period (issue 14). Index figures_lookup.
 */
export function standingFigure(db: Database, unitCode: string, period: string, indicator: string, measure: 'period' | 'ytd'): { value: number; file: string; cell: string } | undefined {
  let found: { value: number; file: string; cell: string; fileId: number } | undefined;
  eachEffectiveFigure(db, { units: [unitCode], period, indicator, measure, subunit: null, roles: 'own', standing: true }, (f) => {
    if (!found || f.file.id > found.fileId) found = { value: f.value, file: f.file.name, cell: f.cell, fileId: f.file.id };
  });
  return found && { value: found.value, file: found.file, cell: found.cell };
}

/**
 * What the unit's latest earlier return had on each row: sheet and row -> indicator and label, so
 * that a row left unmapped now can be offered what this sender's last return had there (issue 14).
 */
export function senderRows(db: Database, unitId: number): { file: string; sheet: string; cell: string; indicator: string; label: string }[] {
  return stmt(db, `SELECT f.name AS file, fg.sheet, fg.cell, fg.indicator, fg.label FROM figures fg JOIN files f ON f.id = fg.file_id
    WHERE fg.file_id = (SELECT max(id) FROM files WHERE unit_id = ? AND outcome = 'imported') AND fg.subunit IS NULL`).all(unitId) as
    { file: string; sheet: string; cell: string; indicator: string; label: string }[];
}
