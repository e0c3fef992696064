/** Figures with their provenance: file, sheet, cell and the text as typed. */
import type { Database } from 'better-sqlite3';
import { stmt } from '../statements';
import type { FigureRow } from '../../../../shared/types';
import type { NewFigure } from '../rows';

const FIGURE_COLUMNS = 'file_id, unit_id, subunit, period, indicator, measure, role, value, raw, typed_unit, approx, label, sheet, cell';
const ROW = `(${FIGURE_COLUMNS.split(',').map(() => '?').join(', ')})`;
/** Rows per INSERT: one call into SQLite for many rows binds the same values for a fifth less time. */
const BATCH = 32;

export function insertFigures(db: Database, fileId: number, unitId: number, figures: NewFigure[]): void {
  const values = (f: NewFigure) => [fileId, unitId, f.subunit, f.period, f.indicator, f.measure, f.role, f.value, f.raw, f.typedUnit, f.approx ? 1 : 0, f.label, f.sheet, f.cell];
  const many = stmt(db, `INSERT INTO figures (${FIGURE_COLUMNS}) VALUES ${Array<string>(BATCH).fill(ROW).join(', ')}`);
  const one = stmt(db, `INSERT INTO figures (${FIGURE_COLUMNS}) VALUES ${ROW}`);
  let i = 0;
  for (; i + BATCH <= figures.length; i += BATCH) many.run(figures.slice(i, i + BATCH).flatMap(values));
  for (; i < figures.length; i++) one.run(values(figures[i]!));
}

export interface FigureFilter { all?: boolean; unit?: string; period?: string; effective?: boolean }

/** A row as SQLite gives it: `corrected` is 0 or 1, and only there with `effective`. */
type Row = Omit<FigureRow, 'corrected'> & { corrected?: number };

/** The latest correction wins, as in review/effective-value.ts (corrections are never edited, only added). */
const CORRECTED_VALUE = 'coalesce((SELECT c.value FROM corrections c WHERE c.figure_id = fg.id ORDER BY c.id DESC LIMIT 1), fg.value)';
const IS_CORRECTED = 'EXISTS (SELECT 1 FROM corrections c WHERE c.figure_id = fg.id)';

/**
 * The unit's figures and commune rows (a total row that repeats them is a check, not a figure).
 * Figures of superseded files only with `all`. With `effective`, each value after the reviewers'
 * corrections, marked `corrected`; without it, the value as read (what the CLI prints).
 */
export function listFigures(db: Database, filter: FigureFilter = {}): FigureRow[] {
  const where = ["fg.role <> 'total'", "f.outcome = 'imported'"];
  const args: string[] = [];
  if (!filter.all) where.push('f.superseded_by IS NULL');
  if (filter.unit) { where.push('u.code = ?'); args.push(filter.unit); }
  if (filter.period) { where.push('fg.period = ?'); args.push(filter.period); }
  const value = filter.effective ? `${CORRECTED_VALUE} AS value, ${IS_CORRECTED} AS corrected` : 'fg.value';
  const rows = stmt(db, `SELECT u.code AS unit, fg.subunit, fg.period, fg.indicator, fg.measure, ${value}, fg.raw, f.name AS file, fg.sheet, fg.cell
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE ${where.join(' AND ')} ORDER BY fg.file_id, fg.id`).all(...args) as Row[];
  return filter.effective ? rows.map((r) => ({ ...r, corrected: r.corrected === 1 })) : (rows as FigureRow[]);
}

/**
 * The unit's own standing figure for one indicator and period (the latest file's, corrections
 * applied), to check what a later return states about that period (issue 14). Index figures_lookup.
 */
export function standingFigure(db: Database, unitId: number, period: string, indicator: string, measure: 'period' | 'ytd'): { value: number; file: string; cell: string } | undefined {
  return stmt(db, `SELECT ${CORRECTED_VALUE} AS value, f.name AS file, fg.cell FROM figures fg JOIN files f ON f.id = fg.file_id
    WHERE fg.unit_id = ? AND fg.period = ? AND fg.indicator = ? AND fg.measure = ? AND fg.role = 'value' AND fg.subunit IS NULL AND f.superseded_by IS NULL
    ORDER BY f.id DESC LIMIT 1`).get(unitId, period, indicator, measure) as { value: number; file: string; cell: string } | undefined;
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
