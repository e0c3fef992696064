/**
 * One unit's figure for an indicator over a period, by the indicator's kind, with how it was made
 * and the cells it comes from:
 *   flow   the months' within-period values summed;
 *   stock  the level at the period's last month that has one;
 *   plan   the latest yearly target given within the period;
 *   rate   never summed: recomputed from its numerator and denominator (rateFigure).
 * A month with no figure is left out and named in the method; nothing at all is null, not zero.
 */
import type { CatalogIndicator } from '../../../shared/catalog';
import type { FigureIndex, SourceFigure } from './load-figures';
import { percentOf, sumOrNull } from './numbers';
import type { PeriodSpec } from './period-spec';
import { monthsWords, monthWords, yearToDate } from './period-spec';

export interface Figure {
  value: number | null;
  /** Vietnamese: how the number was made ("Cộng số trong kỳ tháng 4, 5, 6/2023"). */
  method: string;
  sources: SourceFigure[];
  /** True where the number is the sum of within-period month figures (no stored year-to-date). */
  fromMonths: boolean;
}

export const EMPTY: Figure = { value: null, method: 'Không có số liệu', sources: [], fromMonths: true };

export function periodFigure(idx: FigureIndex, unit: string, ind: CatalogIndicator, spec: PeriodSpec): Figure {
  const found = spec.months.map((m) => idx.get(unit, m, ind.code, 'period'));
  const present = found.filter((f): f is SourceFigure => f !== undefined);
  if (present.length === 0) return wholePeriod(idx, unit, ind, spec);
  if (ind.kind === 'flow') return monthsSum(present, spec.months);
  const latest = present.at(-1)!;
  const last = spec.months.at(-1)!;
  const lag = latest.period === last ? '' : `; ${monthWords(last)} chưa có số liệu`;
  const what = ind.kind === 'plan' ? 'Kế hoạch năm theo báo cáo' : 'Số cuối kỳ, theo báo cáo';
  return { value: latest.value, method: `${what} ${monthWords(latest.period)}${lag}`, sources: [latest], fromMonths: false };
}

/** A unit that sent one return for the whole quarter or half-year, and none per month. */
function wholePeriod(idx: FigureIndex, unit: string, ind: CatalogIndicator, spec: PeriodSpec): Figure {
  const whole = spec.kind === 'month' ? undefined : idx.get(unit, spec.key, ind.code, 'period');
  if (!whole) return { ...EMPTY, method: `Không có số liệu ${monthsWords(spec.months)}` };
  return { value: whole.value, method: 'Số của cả kỳ, ghi trong báo cáo của kỳ', sources: [whole], fromMonths: false };
}

function monthsSum(present: SourceFigure[], months: string[]): Figure {
  const value = sumOrNull(present.map((f) => f.value));
  if (months.length === 1) return { value, method: `Số trong kỳ ${monthWords(months[0]!)}`, sources: present, fromMonths: true };
  const missing = months.filter((m) => !present.some((f) => f.period === m));
  const gap = missing.length ? `; chưa có ${monthsWords(missing)}` : '';
  return { value, method: `Cộng số trong kỳ ${monthsWords(present.map((f) => f.period))}${gap}`, sources: present, fromMonths: true };
}

/**
 * Year-to-date at the period's last month: the year-to-date figure the unit wrote for that month
 * where there is one, else its within-period figures from January summed. Stocks and plans have
 * no year-to-date of their own: their level is the same.
 */
export function ytdFigure(idx: FigureIndex, unit: string, ind: CatalogIndicator, spec: PeriodSpec): Figure {
  if (ind.kind !== 'flow') return periodFigure(idx, unit, ind, spec);
  const end = spec.months.at(-1)!;
  const stored = idx.get(unit, end, ind.code, 'ytd');
  if (stored) return { value: stored.value, method: `Lũy kế ghi trong báo cáo ${monthWords(end)}`, sources: [stored], fromMonths: false };
  const months = yearToDate(spec);
  const present = months.map((m) => idx.get(unit, m, ind.code, 'period')).filter((f): f is SourceFigure => f !== undefined);
  if (present.length === 0) return { ...EMPTY, method: `Không có số liệu từ đầu năm đến ${monthWords(end)}` };
  const sum = monthsSum(present, months);
  return { ...sum, method: `${sum.method} (báo cáo không ghi số lũy kế)` };
}

/** Several units' figures as one (a merged column, the province): the sum, each part's method named. */
export function sumFigures(parts: { name: string; figure: Figure }[]): Figure {
  if (parts.length === 1) return parts[0]!.figure;
  const value = sumOrNull(parts.map((p) => p.figure.value));
  const method = parts.filter((p) => p.figure.value !== null).map((p) => `${p.name}: ${p.figure.method}`).join('\n');
  return {
    value, method: method || EMPTY.method, sources: parts.flatMap((p) => p.figure.sources),
    fromMonths: parts.every((p) => p.figure.fromMonths),
  };
}

export function rateFigure(numerator: Figure, denominator: Figure, names: { numerator: string; denominator: string }): Figure {
  return {
    value: percentOf(numerator.value, denominator.value),
    method: `Tính lại: ${names.numerator} / ${names.denominator} × 100, làm tròn 1 chữ số thập phân`,
    sources: [], fromMonths: false,
  };
}
