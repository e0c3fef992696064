/** The append-only audit log: the only statement here is an INSERT. */
import type { Database } from 'better-sqlite3';
import type { AuditEntry as AuditRow } from '../../../../shared/types';

export interface AuditEntry { at: string; user: string; action: string; target: string; oldValue: string | null; newValue: string | null; reason: string | null }

export function appendAudit(db: Database, e: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, user, action, target, old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(e.at, e.user, e.action, e.target, e.oldValue, e.newValue, e.reason);
}

export function listAudit(db: Database): AuditRow[] {
  return db.prepare('SELECT id, at, user, action, target, old_value AS oldValue, new_value AS newValue, reason FROM audit_log ORDER BY id').all() as AuditRow[];
}
