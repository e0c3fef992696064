/** The office's deadlines per kind of period; a kind without a row keeps the default. */
import type { Database } from '../db';
import type { Deadline, PeriodType } from '../../../../shared/types';
import { stmt } from '../statements';

export function savedDeadlines(db: Database): Partial<Record<PeriodType, Deadline>> {
  const rows = stmt(db, 'SELECT period_type AS type, day, months_after AS monthsAfter FROM deadlines').all() as ({ type: PeriodType } & Deadline)[];
  return Object.fromEntries(rows.map(({ type, ...d }) => [type, d]));
}

export function saveDeadline(db: Database, type: PeriodType, d: Deadline, user: string, at: string): void {
  stmt(db, `INSERT INTO deadlines (period_type, day, months_after, set_by, set_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (period_type) DO UPDATE SET day = excluded.day, months_after = excluded.months_after, set_by = excluded.set_by, set_at = excluded.set_at`)
    .run(type, d.day, d.monthsAfter, user, at);
}
