/** Sign-offs of a unit's or the province's period, and their undoing: rows are only ever added. */
import type { Database } from '../db';
import type { ApprovalRecord } from '../../../../shared/types';
import { stmt } from '../statements';

export interface NewApproval { unit: string | null; period: string; action: 'approve' | 'unlock'; user: string; at: string; reason: string | null; openFlags: number }

export function insertApproval(db: Database, a: NewApproval): void {
  stmt(db, 'INSERT INTO approvals (unit_code, period, action, user, at, reason, open_flags) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(a.unit, a.period, a.action, a.user, a.at, a.reason, a.openFlags);
}

/** The latest row for each unit (or the province, unit null) and period: the approvals in force. */
export function listApprovals(db: Database, period?: string): ApprovalRecord[] {
  const rows = stmt(db, `SELECT a.id, a.unit_code AS unit, a.period, a.action, a.user, a.at, a.reason, a.open_flags AS openFlags FROM approvals a
    WHERE a.id = (SELECT max(b.id) FROM approvals b WHERE b.period = a.period AND b.unit_code IS a.unit_code)
      AND (CAST(? AS TEXT) IS NULL OR a.period = ?) ORDER BY a.period, a.unit_code`).all(period ?? null, period ?? null) as (ApprovalRecord & { action: string })[];
  return rows.filter((r) => r.action === 'approve').map(({ action: _a, ...r }) => r);
}

/** 'approve' or 'unlock': the latest decision on a unit's (or, unit null, the province's) period. */
export function latestApproval(db: Database, unit: string | null, period: string): string | undefined {
  return stmt(db, 'SELECT action FROM approvals WHERE period = ? AND unit_code IS ? ORDER BY id DESC LIMIT 1').pluck().get(period, unit) as string | undefined;
}

/** Whether the unit's period is locked: approved for the unit itself, or for the whole province. */
export function isLocked(db: Database, unitCode: string, period: string): boolean {
  return latestApproval(db, unitCode, period) === 'approve' || latestApproval(db, null, period) === 'approve';
}

/** Which of a unit's periods are locked, in one query (isLocked asks two per period). */
export function lockedPeriods(db: Database, unitCode: string, periods: readonly string[]): string[] {
  if (periods.length === 0) return [];
  const locked = new Set(stmt(db, `SELECT a.period FROM approvals a
    WHERE a.period IN (${periods.map(() => '?').join(', ')}) AND (a.unit_code = ? OR a.unit_code IS NULL) AND a.action = 'approve'
      AND a.id = (SELECT max(b.id) FROM approvals b WHERE b.period = a.period AND b.unit_code IS a.unit_code)`).pluck().all(...periods, unitCode) as string[]);
  return periods.filter((p) => locked.has(p));
}

/**
 * isLocked for many questions at once (an export asks for every unit and month): the table read
 * once, each unit's and the province's latest decision per period kept, instead of two queries per question.
 */
export function lockChecker(db: Database): (unitCode: string, period: string) => boolean {
  const latest = new Map<string, string>();
  for (const [unit, period, action] of stmt(db, 'SELECT unit_code, period, action FROM approvals ORDER BY id').raw().all() as [string | null, string, string][]) {
    latest.set(`${unit ?? ''}\0${period}`, action);
  }
  return (unitCode, period) => latest.get(`${unitCode}\0${period}`) === 'approve' || latest.get(`\0${period}`) === 'approve';
}
