/**
 * The effective figures an export is made of: each unit's own figures ('value' rows: not commune
 * rows, not total rows that repeat them), from files not superseded by a resubmission, with the
 * latest correction applied — the same values the rules check (review/rule-figures.ts). Each keeps
 * its cell and the decisions on it, for the provenance sheet.
 */
import type { Database } from 'better-sqlite3';
import type { Measure } from '../../../shared/types';
import { stmt } from '../store/statements';

export interface Correction { value: number; oldValue: number; user: string; at: string; reason: string }

/** A reviewer's choice of which of two submissions stands for a unit and period. */
export interface Choice { user: string; at: string; reason: string; file: string }

export interface SourceFigure {
  unit: string;
  period: string;
  indicator: string;
  measure: Measure;
  /** The value that stands: the latest correction, else the value as read. */
  value: number;
  /** The value as read from the cell, and the text as typed. */
  read: number;
  raw: string;
  file: string;
  sheet: string;
  cell: string;
  corrections: Correction[];
  choices: Choice[];
}

export interface FigureIndex {
  get(unit: string, period: string, indicator: string, measure: Measure): SourceFigure | undefined;
}

/** Every effective figure of the given years (a year's months and its quarter, half-year... keys). */
export function loadFigures(db: Database, years: number[]): FigureIndex {
  const byKey = new Map<string, SourceFigure & { order: [number, number] }>();
  const corrections = loadCorrections(db);
  const choices = loadChoices(db);
  // Row by row and unsorted: sorting a nation's million figures to let the later file win costs
  // more than comparing the two files where a figure is given twice.
  const sql = `SELECT fg.id, f.id, u.code, fg.period, fg.indicator, fg.measure, fg.value, fg.raw, f.name, fg.sheet, fg.cell
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE f.outcome = 'imported' AND f.held = 0 AND f.superseded_by IS NULL AND fg.role = 'value' AND fg.subunit IS NULL
      AND (fg.period = ? OR fg.period LIKE ?)`;
  for (const year of years) {
    for (const r of stmt(db, sql).raw(true).iterate(String(year), `${year}-%`) as Iterable<[number, number, string, string, string, Measure, number, string, string, string, string]>) {
      const [id, fileId, unit, period, indicator, measure, value, raw, file, sheet, cell] = r;
      const k = key(unit, period, indicator, measure);
      // Two files standing for the same figure (a monthly return and a half-year one): the later
      // import wins, as in review/effective-value.ts.
      const prev = byKey.get(k);
      if (prev && (prev.order[0] > fileId || (prev.order[0] === fileId && prev.order[1] > id))) continue;
      const fixes = corrections.get(id) ?? [];
      byKey.set(k, {
        unit, period, indicator, measure, value: fixes.at(-1)?.value ?? value, read: value, raw, file, sheet, cell,
        corrections: fixes, choices: choices.get(`${unit} ${period}`) ?? [], order: [fileId, id],
      });
    }
  }
  return { get: (unit, period, indicator, measure) => byKey.get(key(unit, period, indicator, measure)) };
}

function key(unit: string, period: string, indicator: string, measure: Measure): string {
  return `${unit}|${period}|${indicator}|${measure}`;
}

function loadCorrections(db: Database): Map<number, Correction[]> {
  const rows = stmt(db, `SELECT figure_id AS figureId, value, old_value AS oldValue, user, at, reason FROM corrections ORDER BY id`)
    .all() as (Correction & { figureId: number })[];
  const out = new Map<number, Correction[]>();
  for (const { figureId, ...c } of rows) (out.get(figureId) ?? out.set(figureId, []).get(figureId)!).push(c);
  return out;
}

function loadChoices(db: Database): Map<string, Choice[]> {
  const rows = stmt(db, `SELECT target, user, at, reason, new_value AS file FROM audit_log WHERE action = 'choose-submission' ORDER BY id`)
    .all() as (Choice & { target: string })[];
  const out = new Map<string, Choice[]>();
  for (const { target, ...c } of rows) (out.get(target) ?? out.set(target, []).get(target)!).push(c);
  return out;
}
