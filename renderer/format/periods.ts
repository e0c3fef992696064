/** Period keys ("2023-03", "2023-Q2", "2023-H1", "2023-9M", "2023") as words, and their order. */
import type { TFunction } from 'i18next';

export function periodLabel(t: TFunction, key: string): string {
  const m = /^(\d{4})(?:-(\d{2}|Q[1-4]|H[12]|9M))?$/.exec(key);
  if (!m) return key;
  const year = m[1]!;
  const part = m[2];
  if (!part) return t('period.year', { year });
  if (part.startsWith('Q')) return t('period.quarter', { year, q: part.slice(1) });
  if (part === 'H1') return t('period.firstHalf', { year });
  if (part === 'H2') return t('period.secondHalf', { year });
  if (part === '9M') return t('period.nineMonths', { year });
  return t('period.month', { year, month: Number(part) });
}

/** A month as clerks abbreviate it ("T4/2023"); other periods in full. */
export function periodShort(t: TFunction, key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? t('period.monthShort', { year: m[1], month: Number(m[2]) }) : periodLabel(t, key);
}

/** Sorted distinct periods, months first within a year then the longer periods. */
export function sortPeriods(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
