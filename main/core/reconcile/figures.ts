/** Shared helpers over figures: which ones count, the latest of duplicates, grouping, months. */
import type { Severity } from '../../../shared/types';
import { monthKey, monthOfKey, monthsOf, parsePeriod } from '../../../shared/period';
import { wordMessage, type Message } from '../../../shared/messages';
import type { FlagDraft, RuleFigure } from './types';

/** Tolerance for "equal" sums: figures are typed with at most a few decimals. */
export const EPS = 1e-6;

/** A figure the rules compare: from a file still in force, and not a total row repeating others. */
export function isActive(f: RuleFigure): boolean {
  return !f.superseded && f.role !== 'total';
}

/** True when `a` comes from a later file than `b` (import time, then file id, then figure id). */
export function isLater(a: RuleFigure, b: RuleFigure): boolean {
  if (a.fileImportedAt !== b.fileImportedAt) return a.fileImportedAt > b.fileImportedAt;
  if (a.fileId !== b.fileId) return a.fileId > b.fileId;
  return a.id > b.id;
}

export function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** One figure per key: where two files still in force give the same cell, the later one. */
export function latestBy(figures: Iterable<RuleFigure>, key: (f: RuleFigure) => string): Map<string, RuleFigure> {
  const out = new Map<string, RuleFigure>();
  for (const f of figures) {
    const k = key(f);
    const prev = out.get(k);
    if (!prev || isLater(f, prev)) out.set(k, f);
  }
  return out;
}

/** The figures of one unit (or one commune of it) for one period, by measure and indicator. */
export interface Slot {
  unit: string;
  subunit: string | null;
  period: string;
  figures: Record<'period' | 'ytd', Map<string, RuleFigure>>;
}

export function pick(slot: Slot, indicator: string, measure: 'period' | 'ytd'): RuleFigure | undefined {
  return slot.figures[measure].get(indicator);
}

/** Every figure of a slot. */
export function slotFigures(slot: Slot): RuleFigure[] {
  return [...slot.figures.period.values(), ...slot.figures.ytd.values()];
}

/**
 * Active figures grouped by (unit, commune, period), duplicates resolved to the latest file.
 * Most rules need this grouping of the same figures: it is built once per figure list.
 */
const slotCache = new WeakMap<RuleFigure[], Slot[]>();
export function slotsOf(figures: RuleFigure[]): Slot[] {
  let slots = slotCache.get(figures);
  if (!slots) slotCache.set(figures, (slots = buildSlots(figures)));
  return slots;
}

/** Nested maps (unit, commune, period), not joined keys: rules run over a million figures. */
function buildSlots(figures: RuleFigure[]): Slot[] {
  const slots: Slot[] = [];
  const index = new Map<string, Map<string, Map<string, Slot>>>();
  for (const f of figures) {
    if (!isActive(f)) continue;
    const subunit = f.subunit ?? '';
    const bySub = index.get(f.unit) ?? index.set(f.unit, new Map()).get(f.unit)!;
    const byPeriod = bySub.get(subunit) ?? bySub.set(subunit, new Map()).get(subunit)!;
    let slot = byPeriod.get(f.period);
    if (!slot) {
      slot = { unit: f.unit, subunit: f.subunit, period: f.period, figures: { period: new Map(), ytd: new Map() } };
      byPeriod.set(f.period, slot);
      slots.push(slot);
    }
    const same = slot.figures[f.measure];
    const prev = same.get(f.indicator);
    if (!prev || isLater(f, prev)) same.set(f.indicator, f);
  }
  return slots;
}

/** "2023-03" -> {year: 2023, month: 3}; other periods -> null. Periods are few and asked a million times: each is parsed once. */
const months = new Map<string, { year: number; month: number } | null>();
export function monthOf(period: string): { year: number; month: number } | null {
  let ym = months.get(period);
  if (ym === undefined) {
    const m = monthOfKey(period);
    months.set(period, (ym = m ? Object.freeze(m) : null));
  }
  return ym;
}

export { monthKey };

/** Months a period covers: "2023-H1" -> 2023-01..2023-06, "2023" -> the twelve months. */
export function monthsIn(period: string): string[] {
  const p = parsePeriod(period);
  return p ? monthsOf(p) : [];
}

/** A draft whose unit and period are those of its key figure; `periods` are all its figures' periods. */
export function draft(rule: string, severity: Severity, key: RuleFigure, indicators: string[], figures: RuleFigure[], text: Message): FlagDraft {
  const periods = [...new Set([key.period, ...figures.map((f) => f.period)])].sort();
  return { rule, severity, unit: key.unit, period: key.period, periods, indicators: [...new Set(indicators)], figures, ...flagText(text) };
}

/** A flag's message as data (code and parameters) and in Vietnamese, for the CLI and the export. */
export function flagText(text: Message): Pick<FlagDraft, 'message' | 'messageCode' | 'params'> {
  return { message: wordMessage(text, 'vi'), messageCode: text.code, params: text.params };
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Where a return gives a flow month by month without a year-to-date (a wide half-year sheet), the
 * year-to-date is the sum of the months from January, when every month is there; such a figure
 * points at its month's cell and says how it was made.
 */
export function withDerivedYtd(figures: RuleFigure[], isFlow: (indicator: string) => boolean): RuleFigure[] {
  const live = figures.filter((f) => isActive(f) && isFlow(f.indicator));
  const hasYtd = new Set(live.filter((f) => f.measure === 'ytd').map((f) => `${f.unit}|${f.subunit ?? ''}|${f.indicator}|${f.period}`));
  const series = groupBy(live.filter((f) => f.measure === 'period' && monthOf(f.period)), (f) => `${f.unit}|${f.subunit ?? ''}|${f.indicator}|${f.period.slice(0, 4)}`);
  const derived: RuleFigure[] = [];
  for (const months of series.values()) {
    const byMonth = new Map([...latestBy(months, (f) => f.period).values()].map((f) => [monthOf(f.period)!.month, f]));
    let total = 0;
    for (let m = 1; byMonth.has(m); m++) {
      const f = byMonth.get(m)!;
      total += f.value;
      if (!hasYtd.has(`${f.unit}|${f.subunit ?? ''}|${f.indicator}|${f.period}`)) derived.push({ ...f, id: -f.id, measure: 'ytd', value: total, raw: `tổng tháng 1–${m}` });
    }
  }
  return derived.length ? [...figures, ...derived] : figures;
}
