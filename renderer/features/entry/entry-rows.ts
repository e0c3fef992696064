/**
 * The entry form's rows and what is sent: the catalog in the return's order, "Lũy kế" offered from
 * last month's year-to-date plus this month (January: this month), a typed text read the Vietnamese
 * way. Pure, so the offer and the refusals are tested without a browser.
 */
import type { EntryForm, Indicator } from '../../../shared/types';
import { parseTypedNumber } from '../../format/parse-number';

export interface RowInput { period: string; ytd: string; ytdEdited: boolean }

export type Inputs = Record<string, RowInput>;

export const EMPTY: RowInput = { period: '', ytd: '', ytdEdited: false };

/** The catalog in the order the returns list it (groups, then each group's rows). */
export function entryRows(indicators: Indicator[]): Indicator[] {
  return [...indicators].sort((a, b) => a.sort - b.sort);
}

/** "Lũy kế" offered for a row: last month's year-to-date plus this month; null where either is unknown. */
export function offeredYtd(form: EntryForm, indicator: Indicator, periodText: string): number | null {
  const month = parseTypedNumber(periodText);
  if (month === null || indicator.kind === 'rate' || indicator.kind === 'plan') return null;
  // A stock counts what stands at the month's end: its year-to-date is the month's own figure.
  if (indicator.kind === 'stock' || form.period.endsWith('-01')) return month;
  const before = form.previousYtd[indicator.code];
  return before === undefined ? null : before + month;
}

export interface Outgoing { indicator: string; measure: 'period' | 'ytd'; value: number; raw: string }

/** What is sent, or the rows whose text is not a number (named, never guessed). */
export function outgoing(rows: Indicator[], inputs: Inputs, form: EntryForm): { figures: Outgoing[]; bad: { indicator: Indicator; text: string }[] } {
  const figures: Outgoing[] = [];
  const bad: { indicator: Indicator; text: string }[] = [];
  for (const ind of rows) {
    const input = inputs[ind.code] ?? EMPTY;
    const ytdText = input.ytdEdited ? input.ytd : (offeredText(form, ind, input.period) ?? '');
    for (const [measure, text] of [['period', input.period], ['ytd', ytdText]] as const) {
      if (text.trim() === '') continue;
      const value = parseTypedNumber(text);
      if (value === null) bad.push({ indicator: ind, text });
      else figures.push({ indicator: ind.code, measure, value, raw: text.trim() });
    }
  }
  return { figures, bad };
}

/** The offered year-to-date as the clerk would type it ("1.240", "23,7"). */
export function offeredText(form: EntryForm, ind: Indicator, periodText: string): string | null {
  const v = offeredYtd(form, ind, periodText);
  return v === null ? null : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(v);
}
