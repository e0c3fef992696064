/**
 * The effective figures an export is made of: each unit's own figures ('value' rows: not commune
 * rows, not total rows that repeat them), from files not superseded by a resubmission, with the
 * latest correction applied — the same values the rules check (store/queries/effective-figures.ts). Each keeps
 * its cell and the decisions on it, for the provenance sheet.
 */
import type { Database } from '../store/db';
import type { Measure } from '../../../shared/types';
import { choicesByUnitPeriod, eachEffectiveFigure } from '../store/queries/effective-figures';
import { interner } from '../text/interner';

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
  const choices = choicesByUnitPeriod(db);
  const choicesOf = (unit: string, period: string): Choice[] => {
    const had = choices.size ? choices.get(`${unit} ${period}`) : undefined;
    return had ? had.map((c) => ({ user: c.user, at: c.at, reason: c.reason, file: c.file })) : NONE;
  };
  // The few distinct texts shared (text/interner.ts): the collector went over a nation's million
  // figures' own copies again and again, a quarter of the export's time.
  const [period, indicator, sheet, cell] = [interner(), interner(), interner(), interner()];
  // Row by row and unsorted: sorting a nation's million figures to let the later file win costs
  // more than comparing the two files where a figure is given twice.
  eachEffectiveFigure(db, { years, roles: 'own', standing: true, raw: true }, (f) => {
    const unit = f.unit.code;
    const k = slot(periods.of(f.period), indicators.of(f.indicator), f.measure);
    const ofUnit = byUnit.get(unit) ?? byUnit.set(unit, new Map()).get(unit)!;
    // Two standing files for the same figure (a monthly return and a half-year one): the later import wins.
    const prev = ofUnit.get(k);
    if (prev && (prev.fileId > f.file.id || (prev.fileId === f.file.id && prev.id > f.id))) return;
    ofUnit.set(k, {
      unit, period: period(f.period), indicator: indicator(f.indicator), measure: f.measure, value: f.value, read: f.read, raw: f.raw,
      file: f.file.name, sheet: sheet(f.sheet), cell: cell(f.cell),
      corrections: f.corrections.length ? f.corrections.map((c) => ({ value: c.value, oldValue: c.oldValue, user: c.user, at: c.at, reason: c.reason })) : NONE,
      choices: choicesOf(unit, f.period),
      fileId: f.file.id, id: f.id,
    });
  });
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
