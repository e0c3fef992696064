/**
 * The period a text names: "tháng 5 năm 2023", "T05.2023", "Tháng 05/2023", "BC thang 4-2023",
 * "6 tháng đầu năm 2023", "quý II/2023", "9 tháng năm 2023", "năm 2023". A signing date
 * ("Vinh, ngày 28 tháng 1 năm 2023") is not a period and is ignored.
 */
import { foldCase, stripDiacritics } from '../text/clean-text';

export type Span = 'month' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2' | '9M' | 'Y';

export interface PeriodHit { year: number | null; month: number | null; span: Span }

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const YEAR = '((?:19|20)\\d{2})';

// Built once: findPeriod runs on every title line, sheet name and file name.
const H1 = new RegExp(`\\b(?:6|sau)\\s*thang\\s*dau\\s*nam(?:\\s*(?:nam\\s*)?${YEAR})?`);
const H2 = new RegExp(`\\b(?:6|sau)\\s*thang\\s*cuoi\\s*nam(?:\\s*(?:nam\\s*)?${YEAR})?`);
const NINE_MONTHS = new RegExp(`\\b(?:9|chin)\\s*thang(?:\\s*dau)?(?:\\s*nam)?\\s*${YEAR}?`);
const QUARTER = new RegExp(`quy\\s*(iv|iii|ii|i|[1-4])\\b(?:\\s*(?:nam|\\/|-|\\.)?\\s*${YEAR})?`);
const SIX_MONTHS = new RegExp(`\\b(?:6|sau)\\s*thang\\s*(?:nam\\s*)?${YEAR}`);
const MONTH_YEAR = new RegExp(`(?:thang|\\bt)\\s*(\\d{1,2})\\s*(?:nam|\\/|-|\\.|\\s)\\s*${YEAR}`);
const NUMERIC_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s*[/.-]\\s*${YEAR}\\b`);
const MONTH_ONLY = /(?:thang|\bt)\s*(\d{1,2})\b(?!\s*thang)/;
const NAMED_YEAR = new RegExp(`(?:ca\\s*)?nam\\s*${YEAR}`);
const BARE_YEAR = new RegExp(`\\b${YEAR}\\b`);

export function findPeriod(text: string): PeriodHit | null {
  const range = dateRange(stripDiacritics(foldCase(text)));
  if (range) return range;
  // Compare without diacritics: file names are often typed without them ("BC thang 4-2023").
  const s = stripDiacritics(foldCase(text))
    .replace(/ngay\s*\d{1,2}\s*(?:thang|\/|-)\s*\d{1,2}\s*(?:nam|\/|-)\s*\d{4}/g, ' ')
    .replace(/[_]+/g, ' ');
  let m: RegExpExecArray | null;
  if ((m = H1.exec(s))) return hit(m[1], null, 'H1');
  if ((m = H2.exec(s))) return hit(m[1], null, 'H2');
  if ((m = NINE_MONTHS.exec(s))) return hit(m[1], null, '9M');
  if ((m = QUARTER.exec(s))) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    return hit(m[2], null, `Q${q}` as Span);
  }
  if ((m = SIX_MONTHS.exec(s))) return hit(m[1], null, 'H1');
  if ((m = MONTH_YEAR.exec(s))) return monthHit(m[1]!, m[2]);
  if ((m = NUMERIC_MONTH_YEAR.exec(s))) return monthHit(m[1]!, m[2]);
  if ((m = MONTH_ONLY.exec(s))) return monthHit(m[1]!, undefined);
  if ((m = NAMED_YEAR.exec(s))) return hit(m[1], null, 'Y');
  if ((m = BARE_YEAR.exec(s))) return hit(m[1], null, 'Y');
  return null;
}

const DAY = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*((?:19|20)\\d{2})';
const RANGE = new RegExp(`tu\\s*ngay\\s*${DAY}\\s*(?:den|toi)\\s*(?:het\\s*)?ngay\\s*${DAY}`);

/**
 * "Từ ngày 15/02/2024 đến ngày 14/03/2024": offices count a month from the 15th, or from the 1st.
 * The span is the number of months the range covers, ending with the month it ends in; a range
 * that is no month, quarter, half, nine months or year is not a period.
 */
function dateRange(s: string): PeriodHit | null {
  const m = RANGE.exec(s);
  if (!m) return null;
  const [d1, m1, y1, d2, m2, y2] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const days = (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000 + 1;
  const months = Math.round(days / 30.44);
  const spans: Record<number, (end: number) => Span | null> = {
    1: () => 'month',
    3: (e) => (e % 3 === 0 ? (`Q${e / 3}` as Span) : null),
    6: (e) => (e === 6 ? 'H1' : e === 12 ? 'H2' : null),
    9: (e) => (e === 9 ? '9M' : null),
    12: (e) => (e === 12 ? 'Y' : null),
  };
  const span = spans[months]?.(m2) ?? null;
  if (!span || days < 27) return null;
  return { year: y2, month: span === 'month' ? m2 : null, span };
}

function hit(year: string | undefined, month: number | null, span: Span): PeriodHit {
  return { year: year ? Number(year) : null, month, span };
}

function monthHit(month: string, year: string | undefined): PeriodHit | null {
  const n = Number(month);
  return n >= 1 && n <= 12 ? hit(year, n, 'month') : null;
}

/** "2023-05", "2023-Q2", "2023-H1", "2023-9M", "2023". */
export function periodKey(year: number, span: Span, month: number | null): string {
  if (span === 'month') return `${year}-${String(month).padStart(2, '0')}`;
  return span === 'Y' ? String(year) : `${year}-${span}`;
}

/** Months a period covers, for checks and wide sheets. */
export function monthsOf(span: Span, month: number | null): number[] {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  switch (span) {
    case 'month': return [month ?? 1];
    case 'Q1': return range(1, 3);
    case 'Q2': return range(4, 6);
    case 'Q3': return range(7, 9);
    case 'Q4': return range(10, 12);
    case 'H1': return range(1, 6);
    case 'H2': return range(7, 12);
    case '9M': return range(1, 9);
    case 'Y': return range(1, 12);
  }
}

/** "2024-03", "2024-Q1", "2024-H1", "2024-9M", "2024" -> the period a person named; null when it is none of these. */
export function parsePeriodKey(key: string): PeriodHit | null {
  const m = /^((?:19|20)\d{2})(?:-(0[1-9]|1[0-2]|Q[1-4]|H[12]|9M))?$/.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (part === undefined) return { year, month: null, span: 'Y' };
  if (/^\d{2}$/.test(part)) return { year, month: Number(part), span: 'month' };
  return { year, month: null, span: part as Span };
}
