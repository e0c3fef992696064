/**
 * Who sent which month's return, and when: received on time, late, missing, resubmitted.
 * A return is due on the DEADLINE_DAY of the month after its period until the office's own
 * deadline setting exists; a file arrived on the day the person importing gave, else on the day
 * it was imported (DOMAIN.md).
 */
import type { FileRecord } from '../../../shared/types';

export const DEADLINE_DAY = 5;

export type SubmissionState = 'onTime' | 'late' | 'missing' | 'notDue';

export interface Submission {
  state: SubmissionState;
  /** More than one imported file for the unit and month. */
  resubmitted: boolean;
  files: FileRecord[];
}

/** The end of the deadline day (local time) for a month key "YYYY-MM". */
export function deadlineOf(month: string): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  // Month m (1-based) is index m for the next month; the day ends at midnight.
  return new Date(y, m, DEADLINE_DAY + 1, 0, 0, 0, 0);
}

/**
 * When a file arrived: a day given at import ("2023-05-04", that day in local time; Date would read
 * it as midnight UTC), or the import's own date-time.
 */
export function receivedDate(f: FileRecord): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.receivedAt);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(f.receivedAt);
}

export function submissionOf(files: FileRecord[], month: string, now: Date): Submission {
  const sorted = [...files].sort((a, b) => receivedDate(a).getTime() - receivedDate(b).getTime() || a.id - b.id);
  const first = sorted[0];
  const deadline = deadlineOf(month);
  const state: SubmissionState = first ? (receivedDate(first) <= deadline ? 'onTime' : 'late') : now <= deadline ? 'notDue' : 'missing';
  return { state, resubmitted: sorted.length > 1, files: sorted };
}

/**
 * unit code -> month -> submission, for the given units and months; a month a unit did not report
 * in (it did not exist yet, or no longer reported at its level) has no entry.
 */
export function submissionGrid(files: FileRecord[], units: string[], months: string[], now: Date, expected: (unit: string, month: string) => boolean = () => true): Map<string, Map<string, Submission>> {
  const byKey = new Map<string, FileRecord[]>();
  for (const f of files) {
    if (f.outcome !== 'imported' || !f.unit) continue;
    for (const p of f.periods) {
      const key = `${f.unit}|${p}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
  }
  return new Map(units.map((u) => [u, new Map(months.filter((m) => expected(u, m)).map((m) => [m, submissionOf(byKey.get(`${u}|${m}`) ?? [], m, now)]))]));
}

/** Months of `year` from January to the last month any imported file covers. */
export function monthsWithData(files: FileRecord[], year: number): string[] {
  let last = 0;
  for (const f of files) {
    if (f.outcome !== 'imported') continue;
    for (const p of f.periods) {
      const m = /^(\d{4})-(\d{2})$/.exec(p);
      if (m && Number(m[1]) === year) last = Math.max(last, Number(m[2]));
    }
  }
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export function yearsOf(files: FileRecord[]): number[] {
  const years = new Set<number>();
  for (const f of files) for (const p of f.periods) if (/^\d{4}/.test(p)) years.add(Number(p.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}
