/**
 * When a period's returns are due. Default from Circular 13/2022/TT-BCA as DOMAIN.md reads it:
 * units report before the 16th of the period's last month, so the 15th is the last day on time
 * (the reporting month runs to the 14th). An office changes it per kind of period in the settings.
 */
import type { Deadline, PeriodKey, PeriodType } from './types';

export const PERIOD_TYPES: PeriodType[] = ['month', 'quarter', 'half', 'nine-months', 'year'];

export const DEFAULT_DEADLINES: Record<PeriodType, Deadline> = {
  month: { day: 15, monthsAfter: 0 },
  quarter: { day: 15, monthsAfter: 0 },
  half: { day: 15, monthsAfter: 0 },
  'nine-months': { day: 15, monthsAfter: 0 },
  year: { day: 15, monthsAfter: 0 },
};

export function periodType(period: PeriodKey): PeriodType {
  const part = period.split('-')[1];
  if (part === undefined) return 'year';
  if (/^\d{2}$/.test(part)) return 'month';
  if (part.startsWith('Q')) return 'quarter';
  return part === '9M' ? 'nine-months' : 'half';
}

/** The period's last month, 1-12. */
function lastMonth(period: PeriodKey): number {
  const part = period.split('-')[1];
  if (part === undefined) return 12;
  if (/^\d{2}$/.test(part)) return Number(part);
  if (part.startsWith('Q')) return 3 * Number(part[1]);
  return part === 'H1' ? 6 : part === '9M' ? 9 : 12;
}

/** The last day a return is on time, "YYYY-MM-DD" (a day past the month's end is its last day). */
export function dueDay(period: PeriodKey, deadlines: Record<PeriodType, Deadline> = DEFAULT_DEADLINES): string {
  const d = deadlines[periodType(period)];
  const index = Number(period.slice(0, 4)) * 12 + lastMonth(period) - 1 + d.monthsAfter;
  const year = Math.floor(index / 12), month = (index % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d.day, days)).padStart(2, '0')}`;
}

/** Whether a return that arrived on `received` (a day, or a date-time) was late. */
export function isLate(received: string, period: PeriodKey, deadlines?: Record<PeriodType, Deadline>): boolean {
  return received.slice(0, 10) > dueDay(period, deadlines);
}
