/**
 * The effective figures an export is made of: each unit's own figures ('value' rows: not commune
 * rows, not total rows that repeat them), from files not superseded by a resubmission, with the
 * latest correction applied — the same values the rules check (store/queries/effective-figures.ts). Each keeps
 * its cell and the decisions on it, for the provenance sheet.
 */
import type { Database } from 'better-sqlite3';
import type { Measure } from '../../../shared/types';
import { choicesByUnitPeriod, eachEffectiveFigure } from '../store/queries/effective-figures';

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
  const choices = choicesByUnitPeriod(db);
  // Row by row and unsorted: sorting a nation's million figures to let the later file win costs
  // more than comparing the two files where a figure is given twice.
  eachEffectiveFigure(db, { years, roles: 'own', standing: true, raw: true }, (f) => {
    const k = key(f.unit.code, f.period, f.indicator, f.measure);
    // Two standing files for the same figure (a monthly return and a half-year one): the later import wins.
    const prev = byKey.get(k);
    if (prev && (prev.order[0] > f.file.id || (prev.order[0] === f.file.id && prev.order[1] > f.id))) return;
    byKey.set(k, {
      unit: f.unit.code, period: f.period, indicator: f.indicator, measure: f.measure, value: f.value, read: f.read, raw: f.raw,
      file: f.file.name, sheet: f.sheet, cell: f.cell,
      corrections: f.corrections.map((c) => ({ value: c.value, oldValue: c.oldValue, user: c.user, at: c.at, reason: c.reason })),
      choices: (choices.get(`${f.unit.code} ${f.period}`) ?? []).map((c) => ({ user: c.user, at: c.at, reason: c.reason, file: c.file })),
      order: [f.file.id, f.id],
    });
  });
  return { get: (unit, period, indicator, measure) => byKey.get(key(unit, period, indicator, measure)) };
}

function key(unit: string, period: string, indicator: string, measure: Measure): string {
  return `${unit}|${period}|${indicator}|${measure}`;
}
