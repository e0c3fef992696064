/**
 * Sign-in attempts by login (migration 0018), for throttling and for the quản trị's view of failed
 * sign-ins. Kept apart from the audit log: an attempt is not a decision, and pruning old ones must
 * not break a hash chain. Plain SQL that PostgreSQL runs as well.
 */
import type { Database } from '../db';
import { stmt } from '../statements';

export type AttemptOutcome = 'failed' | 'refused' | 'succeeded';

/** The new attempt's id. */
export function recordSignInAttempt(db: Database, login: string, at: string, outcome: AttemptOutcome): number {
  return Number(stmt(db, 'INSERT INTO sign_in_attempts (login, at, outcome) VALUES (?, ?, ?)').run(login, at, outcome).lastInsertRowid);
}

/** An attempt counted as failed until its password proved right. */
export function markSignInSucceeded(db: Database, id: number): void {
  stmt(db, "UPDATE sign_in_attempts SET outcome = 'succeeded' WHERE id = ?").run(id);
}

/** Attempts before `before` leave the store: the table stays small however many logins are tried. */
export function pruneSignInAttempts(db: Database, before: string): void {
  stmt(db, 'DELETE FROM sign_in_attempts WHERE at < ?').run(before);
}

/**
 * When the latest `limit` failures of this login happened, newest first: those after `since` (one
 * exactly that old has left the window) and after its latest successful sign-in (a success starts
 * the count again). By id, not by time, for "after the success": two desks' clocks may differ by a
 * second, the order of their commits does not.
 */
export function recentFailures(db: Database, login: string, since: string, limit: number): string[] {
  return stmt(db, `SELECT at FROM sign_in_attempts
    WHERE login = ? AND outcome = 'failed' AND at > ?
      AND id > coalesce((SELECT max(id) FROM sign_in_attempts WHERE login = ? AND outcome = 'succeeded'), 0)
    ORDER BY id DESC LIMIT ?`).pluck().all(login, since, login, limit) as string[];
}

export interface FailureSummaryRow { login: string; failed: number; refused: number; lastAt: string }

/** Each login with failed or refused attempts still kept, the latest first (at most `limit` logins). */
export function signInFailureSummary(db: Database, limit: number): FailureSummaryRow[] {
  return stmt(db, `SELECT login, sum(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END) AS failed,
      sum(CASE WHEN outcome = 'refused' THEN 1 ELSE 0 END) AS refused, max(at) AS lastAt
    FROM sign_in_attempts WHERE outcome <> 'succeeded'
    GROUP BY login ORDER BY max(at) DESC, login LIMIT ?`).all(limit) as FailureSummaryRow[];
}
