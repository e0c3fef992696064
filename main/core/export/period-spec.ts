/**
 * The period an export covers: "2023-06" (month), "2023-Q2", "2023-H1", "2023-H2", "2023-9M",
 * "2023" (year). Every figure in the store is kept per month, so a period is a list of months.
 */
import { CodedError } from '../../../shared/errors';
import { endDay, monthKey, monthNumbersOf, monthsOf, parsePeriod as parseKey, startDay, type PeriodKind } from '../../../shared/period';

export type { PeriodKind };

export interface PeriodSpec {
  /** The key as given, e.g. "2023-Q2". */
  key: string;
  kind: PeriodKind;
  year: number;
  /** Month numbers in order, e.g. [4, 5, 6]. */
  monthNumbers: number[];
  /** Month keys in order, e.g. ["2023-04", "2023-05", "2023-06"]. */
  months: string[];
  /** First and last day, ISO: a unit counts where its validity overlaps these. */
  start: string;
  end: string;
}

export class PeriodError extends CodedError {
  constructor(message: string) { super('invalid-arguments', message); }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function parsePeriod(key: string): PeriodSpec {
  const p = parseKey(key);
  if (!p) throw new PeriodError(`Kỳ “${key}” không hợp lệ: ghi như 2023-06, 2023-Q2, 2023-H1, 2023-9M hoặc 2023`);
  return { key: key.trim(), kind: p.kind, year: p.year, monthNumbers: monthNumbersOf(p), months: monthsOf(p), start: startDay(p), end: endDay(p) };
}

export { monthKey };

/** The same period one year earlier: what "cùng kỳ năm trước" compares with. */
export function previousYear(spec: PeriodSpec): PeriodSpec {
  return parsePeriod(spec.key.replace(/^\d{4}/, String(spec.year - 1)));
}

/** One month of a period as a period of its own (a column of the periods layout). */
export function monthSpec(year: number, month: number): PeriodSpec {
  return parsePeriod(monthKey(year, month));
}

/** From January to the period's last month: what "lũy kế năm" covers. */
export function yearToDate(spec: PeriodSpec): string[] {
  const last = spec.monthNumbers.at(-1) ?? 12;
  return Array.from({ length: last }, (_, i) => monthKey(spec.year, i + 1));
}

/** "tháng 6 năm 2023", "quý II năm 2023", "6 tháng đầu năm 2023", "9 tháng năm 2023", "năm 2023". */
export function periodWords(spec: PeriodSpec): string {
  switch (spec.kind) {
    case 'month': return `tháng ${spec.monthNumbers[0]} năm ${spec.year}`;
    case 'quarter': return `quý ${ROMAN[(spec.monthNumbers.at(-1) ?? 3) / 3 - 1]} năm ${spec.year}`;
    case 'half': return `6 tháng ${spec.monthNumbers[0] === 1 ? 'đầu' : 'cuối'} năm ${spec.year}`;
    case 'nine-months': return `9 tháng năm ${spec.year}`;
    case 'year': return `năm ${spec.year}`;
  }
}

/** "tháng 6/2023": a month as flag messages and notes write it. */
export function monthWords(month: string): string {
  return `tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

/** "tháng 4, 5/2023" — the months of a list, for notes about what was summed or is missing. */
export function monthsWords(months: string[]): string {
  if (months.length === 0) return '';
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  return years.map((y) => `tháng ${months.filter((m) => m.startsWith(y)).map((m) => Number(m.slice(5, 7))).join(', ')}/${y}`).join('; ');
}
