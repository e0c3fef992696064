/** Period keys ("2023-03", "2023-Q2", "2023-H1", "2023-9M", "2023") as words, and their order. */
import type { TFunction } from 'i18next';
import { monthOfKey, parsePeriod } from '../../shared/period';

export function periodLabel(t: TFunction, key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  const year = String(p.year);
  switch (p.kind) {
    case 'year': return t('period.year', { year });
    case 'quarter': return t('period.quarter', { year, q: String(p.part) });
    case 'half': return t(p.part === 1 ? 'period.firstHalf' : 'period.secondHalf', { year });
    case 'nine-months': return t('period.nineMonths', { year });
    case 'month': return t('period.month', { year, month: p.first });
  }
}

/** A month as clerks abbreviate it ("T4/2023"); other periods in full. */
export function periodShort(t: TFunction, key: string): string {
  const m = monthOfKey(key);
  return m ? t('period.monthShort', { year: String(m.year), month: m.month }) : periodLabel(t, key);
}

/** Sorted distinct periods, months first within a year then the longer periods. */
export function sortPeriods(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
