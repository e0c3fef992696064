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

interface Row { id: number; unit: string; period: string; indicator: string; measure: Measure; value: number; raw: string; file: string; sheet: string; cell: string }

/** Every effective figure of the given years (a year's months and its quarter, half-year... keys). */
export function loadFigures(db: Database, years: number[]): FigureIndex {
  const byKey = new Map<string, SourceFigure>();
  const corrections = loadCorrections(db);
  const choices = loadChoices(db);
  const sql = `SELECT fg.id, u.code AS unit, fg.period, fg.indicator, fg.measure, fg.value, fg.raw, f.name AS file, fg.sheet, fg.cell
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE f.outcome = 'imported' AND f.superseded_by IS NULL AND fg.role = 'value' AND fg.subunit IS NULL
      AND (fg.period = ? OR fg.period LIKE ?)
    ORDER BY f.id, fg.id`;
  for (const year of years) {
    for (const r of stmt(db, sql).all(String(year), `${year}-%`) as Row[]) {
      const fixes = corrections.get(r.id) ?? [];
      // Two files standing for the same figure (a monthly return and a half-year one): the later
      // import wins, as in review/effective-value.ts.
      byKey.set(key(r.unit, r.period, r.indicator, r.measure), {
        unit: r.unit, period: r.period, indicator: r.indicator, measure: r.measure,
        value: fixes.at(-1)?.value ?? r.value, read: r.value, raw: r.raw, file: r.file, sheet: r.sheet, cell: r.cell,
        corrections: fixes, choices: choices.get(`${r.unit} ${r.period}`) ?? [],
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
