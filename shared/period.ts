/**
 * Period keys as the store, the contract and the export write them: "2023-03" (month), "2023-Q2",
 * "2023-H1", "2023-H2", "2023-9M" (January to September) and "2023" (year). One parser for them all,
 * so no module spells the pattern again.
 */

export type PeriodKind = 'month' | 'quarter' | 'half' | 'nine-months' | 'year';

export interface Period {
  /** The canonical key, e.g. "2023-Q2". */
  key: string;
  kind: PeriodKind;
  year: number;
  /** Month for a month, quarter 1–4 for a quarter, half 1–2 for a half, null otherwise. */
  part: number | null;
  /** First and last month number (1–12) the period covers. */
  first: number;
  last: number;
}

/** The pattern of a key, for schemas that must say it as a regular expression (zod). */
export const PERIOD_KEY = /^(\d{4})(?:-(0[1-9]|1[0-2]|Q[1-4]|H[12]|9M))?$/;

/** The period a key names, or null where the text is not a key. */
export function parsePeriod(key: string): Period | null {
  const m = PERIOD_KEY.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const p = m[2];
  if (p === undefined) return { key: String(year), kind: 'year', year, part: null, first: 1, last: 12 };
  if (p.startsWith('Q')) { const q = Number(p[1]); return { key: `${year}-${p}`, kind: 'quarter', year, part: q, first: q * 3 - 2, last: q * 3 }; }
  if (p.startsWith('H')) { const h = Number(p[1]); return { key: `${year}-${p}`, kind: 'half', year, part: h, first: h === 1 ? 1 : 7, last: h === 1 ? 6 : 12 }; }
  if (p === '9M') return { key: `${year}-9M`, kind: 'nine-months', year, part: null, first: 1, last: 9 };
  const month = Number(p);
  return { key: monthKey(year, month), kind: 'month', year, part: month, first: month, last: month };
}

export function isPeriodKey(key: string): boolean {
  return PERIOD_KEY.test(key);
}

/** The key of a period built from its parts: the inverse of `parsePeriod`. */
export function formatPeriod(p: Pick<Period, 'kind' | 'year' | 'part'>): string {
  switch (p.kind) {
    case 'month': return monthKey(p.year, p.part ?? 1);
    case 'quarter': return `${p.year}-Q${p.part ?? 1}`;
    case 'half': return `${p.year}-H${p.part ?? 1}`;
    case 'nine-months': return `${p.year}-9M`;
    case 'year': return String(p.year);
  }
}

/** "2023-03" from 2023 and 3. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Month numbers in order, e.g. [4, 5, 6] for "2023-Q2". */
export function monthNumbersOf(p: Period): number[] {
  return Array.from({ length: p.last - p.first + 1 }, (_, i) => p.first + i);
}

/** Month keys in order, e.g. ["2023-04", "2023-05", "2023-06"]. */
export function monthsOf(p: Period): string[] {
  return monthNumbersOf(p).map((n) => monthKey(p.year, n));
}

/** The first day, ISO: "2023-04-01" for "2023-Q2". */
export function startDay(p: Period): string {
  return `${monthKey(p.year, p.first)}-01`;
}

/** The last day, ISO: "2023-06-30" for "2023-Q2", "2024-02-29" in a leap year. */
export function endDay(p: Period): string {
  const lastDay = new Date(Date.UTC(p.year, p.last, 0)).getUTCDate();
  return `${monthKey(p.year, p.last)}-${String(lastDay).padStart(2, '0')}`;
}

/** Year and month of a month key ("2023-03"), null for any other period. */
export function monthOfKey(key: string): { year: number; month: number } | null {
  const p = parsePeriod(key);
  return p && p.kind === 'month' ? { year: p.year, month: p.first } : null;
}
