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
  // Unit -> (period, indicator, measure) as one small number: millions of look-ups by the export
  // build no key string each (the garbage of a national year's export was most of its memory).
  const byUnit = new Map<string, Map<number, SourceFigure & { fileId: number; id: number }>>();
  const periods = new Numbering();
  const indicators = new Numbering();
  const slot = (p: number, i: number, measure: Measure) => (p * MAX_INDICATORS + i) * 2 + (measure === 'ytd' ? 1 : 0);
  // A nation's year is a million figures: SQLite hands each row fresh copies of strings that repeat
  // (unit, period, indicator, file, sheet), kept once here; and no empty lists of their own.
  const once = new Map<string, string>();
  const intern = (s: string) => once.get(s) ?? (once.set(s, s), s);
  const corrections = loadCorrections(db);
  const choices = loadChoices(db);
  // Row by row and unsorted: sorting a nation's million figures to let the later file win costs
  // more than comparing the two files where a figure is given twice.
  const sql = `SELECT fg.id, f.id, u.code, fg.period, fg.indicator, fg.measure, fg.value, fg.raw, f.name, fg.sheet, fg.cell
    FROM figures fg JOIN files f ON f.id = fg.file_id JOIN units u ON u.id = fg.unit_id
    WHERE f.outcome = 'imported' AND f.superseded_by IS NULL AND fg.role = 'value' AND fg.subunit IS NULL
      AND (fg.period = ? OR fg.period LIKE ?)`;
  for (const year of years) {
    for (const r of stmt(db, sql).raw(true).iterate(String(year), `${year}-%`) as Iterable<[number, number, string, string, string, Measure, number, string, string, string, string]>) {
      const [id, fileId, unit, period, indicator, measure, value, raw, file, sheet, cell] = r;
      const k = slot(periods.of(period), indicators.of(indicator), measure);
      const ofUnit = byUnit.get(unit) ?? byUnit.set(intern(unit), new Map()).get(unit)!;
      // Two files standing for the same figure (a monthly return and a half-year one): the later
      // import wins, as in review/effective-value.ts.
      const prev = ofUnit.get(k);
      if (prev && (prev.fileId > fileId || (prev.fileId === fileId && prev.id > id))) continue;
      const fixes = corrections.get(id) ?? NONE;
      ofUnit.set(k, {
        unit: intern(unit), period: intern(period), indicator: intern(indicator), measure, value: fixes.at(-1)?.value ?? value, read: value, raw,
        file: intern(file), sheet: intern(sheet), cell, corrections: fixes, choices: choices.get(`${unit} ${period}`) ?? NONE, fileId, id,
      });
    }
  }
  return {
    get: (unit, period, indicator, measure) => {
      const p = periods.find(period);
      const i = indicators.find(indicator);
      return p === undefined || i === undefined ? undefined : byUnit.get(unit)?.get(slot(p, i, measure));
    },
  };
}

const NONE: never[] = [];
/** Indicators a catalog may have: the slot numbers stay small integers below it. */
const MAX_INDICATORS = 4096;

/** 0, 1, 2... for the strings in the order first seen. */
class Numbering {
  private readonly numbers = new Map<string, number>();
  of(s: string): number {
    const n = this.numbers.get(s);
    if (n !== undefined) return n;
    if (this.numbers.size >= MAX_INDICATORS) throw new Error(`quá ${MAX_INDICATORS} giá trị khác nhau khi lập chỉ mục số liệu`);
    this.numbers.set(s, this.numbers.size);
    return this.numbers.size - 1;
  }
  find(s: string): number | undefined {
    return this.numbers.get(s);
  }
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
