/**
 * Which units hold stored returns not yet checked. Marked in the file's own transaction, cleared in
 * the check's: a process killed between storing a batch and checking it leaves the marks, and the
 * next start or import checks those units (a file is either not in the store, or in it and checked
 * or marked).
 */
import type { Database } from '../db';
import { stmt } from '../statements';

export function markPendingCheck(db: Database, unitId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO pending_checks (unit_id) VALUES (?)').run(unitId);
}

/** The codes of the units waiting for a check. */
export function pendingCheckUnits(db: Database): string[] {
  return stmt(db, 'SELECT DISTINCT u.code FROM pending_checks p JOIN units u ON u.id = p.unit_id ORDER BY u.code').pluck().all() as string[];
}

/** The units' marks (every mark after a full check) go, in the transaction that stores their flags. */
export function clearPendingChecks(db: Database, codes?: Iterable<string>): void {
  if (!codes) { stmt(db, 'DELETE FROM pending_checks').run(); return; }
  const del = stmt(db, 'DELETE FROM pending_checks WHERE unit_id IN (SELECT id FROM units WHERE code = ?)');
  for (const c of codes) del.run(c);
}
