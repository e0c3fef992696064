/**
 * Who sent which month's return, and when: missing, late, received, held (for a locked month),
 * approved. A return is due on the office's deadline for the kind of period (settings; default from
 * Circular 13/2022/TT-BCA); a file arrived on the day the person importing gave, or set later, else
 * on the day it was imported (DOMAIN.md). A typed return counts as received like a file.
 */
import { dueDay } from '../../../shared/deadlines';
import type { ApprovalRecord, Deadline, FileRecord, PeriodType } from '../../../shared/types';

export type SubmissionState = 'approved' | 'held' | 'onTime' | 'late' | 'missing' | 'notDue';

export interface Submission {
  state: SubmissionState;
  /** More than one standing or superseded return for the unit and month. */
  resubmitted: boolean;
  files: FileRecord[];
  /** Returns that arrived after the sign-off and wait to be taken in. */
  held: FileRecord[];
  approval: ApprovalRecord | null;
  /** The last day on time, "YYYY-MM-DD". */
  due: string;
}

/** The end of the deadline day (local time) for a period: midnight starting the day after. */
export function deadlineOf(month: string, deadlines?: Record<PeriodType, Deadline>): Date {
  const [y, m, d] = dueDay(month, deadlines).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1, 0, 0, 0, 0);
}

/**
 * When a file arrived: a day given at import ("2023-05-04", that day in local time; Date would read
 * it as midnight UTC), or the import's own date-time.
 */
export function receivedDate(f: FileRecord): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(f.receivedAt);
  return day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(f.receivedAt);
}

export interface StatusContext { now: Date; deadlines?: Record<PeriodType, Deadline>; approval?: ApprovalRecord | null }

export function submissionOf(all: FileRecord[], month: string, c: StatusContext): Submission {
  const sorted = [...all].sort((a, b) => receivedDate(a).getTime() - receivedDate(b).getTime() || a.id - b.id);
  const files = sorted.filter((f) => !f.held);
  const held = sorted.filter((f) => f.held);
  const first = files[0];
  const deadline = deadlineOf(month, c.deadlines);
  const approval = c.approval ?? null;
  const state: SubmissionState = approval ? 'approved'
    // The deadline is the start of the day after the last day: a return dated that day is late.
    : first ? (receivedDate(first) < deadline ? 'onTime' : 'late')
      : held.length ? 'held' : c.now < deadline ? 'notDue' : 'missing';
  return { state, resubmitted: files.length > 1, files, held, approval, due: dueDay(month, c.deadlines) };
}

/** The approval in force for a unit's month: its own, else the province's. */
function approvalOf(approvals: ApprovalRecord[], unit: string, month: string): ApprovalRecord | null {
  return approvals.find((a) => a.period === month && a.unit === unit) ?? approvals.find((a) => a.period === month && a.unit === null) ?? null;
}

/**
 * unit code -> month -> submission, for the given units and months; a month a unit did not report
 * in (it did not exist yet, or no longer reported at its level) has no entry.
 */
export function submissionGrid(files: FileRecord[], units: string[], months: string[], now: Date, expected: (unit: string, month: string) => boolean = () => true, deadlines?: Record<PeriodType, Deadline>, approvals: ApprovalRecord[] = []): Map<string, Map<string, Submission>> {
  const byKey = new Map<string, FileRecord[]>();
  for (const f of files) {
    if (f.outcome !== 'imported' || !f.unit) continue;
    for (const p of f.periods) {
      const key = `${f.unit}|${p}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
  }
  return new Map(units.map((u) => [u, new Map(months.filter((m) => expected(u, m)).map((m) => [m, submissionOf(byKey.get(`${u}|${m}`) ?? [], m, { now, ...(deadlines ? { deadlines } : {}), approval: approvalOf(approvals, u, m) })]))]));
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
