/**
 * Entries written before the audit log had structured fields get them once, at the migration that
 * adds them, from the forms the older versions wrote (codes in a fixed order, or the plain label,
 * file and unit of a mapping or an assignment). After this no code reads an entry's prose; the UI
 * words every entry from its fields. Entries already in words stay as they were written.
 */
import type { Database } from '../db';

interface Fields { unit?: string; period?: string; indicator?: string; detail?: Record<string, string | null> }

const OLD_ACCEPT = /^([a-z_]+) (\S+) (\d{4}(?:-[\dQHM]{2})?): ([\s\S]*)$/;
const OLD_CORRECT = /^(\S+) (\d{4}(?:-[\dQHM]{2})?) ([A-Z][A-Z0-9_]*) (period|ytd)(?: (.+?))? \(tệp ([\s\S]+), trang “([\s\S]*)”, ô ([A-Z]+\d+)\)$/;
const OLD_CHOICE = /^(\S+) (\d{4}(?:-[\dQHM]{2})?)$/;

/** The fields an older entry's target held, or null where it is in words already. */
export function legacyFields(e: { action: string; target: string; new_value: string | null }): Fields | null {
  if (e.action === 'accept-flag') {
    const m = OLD_ACCEPT.exec(e.target);
    return m ? { unit: m[2]!, period: m[3]!, detail: { rule: m[1]!, message: m[4]! } } : null;
  }
  if (e.action === 'correct-figure') {
    const m = OLD_CORRECT.exec(e.target);
    return m ? { unit: m[1]!, period: m[2]!, indicator: m[3]!, detail: { measure: m[4]!, subunit: m[5] ?? null, file: m[6]!, sheet: m[7]!, cell: m[8]! } } : null;
  }
  if (e.action === 'choose-submission') {
    const m = OLD_CHOICE.exec(e.target);
    return m ? { unit: m[1]!, period: m[2]!, detail: { file: e.new_value } } : null;
  }
  if (e.action === 'map-label' && e.new_value) return { indicator: e.new_value, detail: { label: e.target } };
  if (e.action === 'assign-unit' && e.new_value) return { unit: e.new_value, detail: { file: e.target } };
  return null;
}

/** Fills the fields of every older entry, the update trigger lifted for this one step of the migration. */
export function structureLegacyAudit(db: Database): void {
  const rows = db.prepare('SELECT id, action, target, new_value FROM audit_log WHERE unit IS NULL AND indicator IS NULL AND detail IS NULL ORDER BY id').all() as { id: number; action: string; target: string; new_value: string | null }[];
  const updates = rows.map((r) => ({ id: r.id, f: legacyFields(r) })).filter((u): u is { id: number; f: Fields } => u.f !== null);
  if (updates.length === 0) return;
  db.exec('DROP TRIGGER audit_log_no_update');
  const set = db.prepare('UPDATE audit_log SET unit = ?, period = ?, indicator = ?, detail = ? WHERE id = ?');
  for (const { id, f } of updates) set.run(f.unit ?? null, f.period ?? null, f.indicator ?? null, f.detail ? JSON.stringify(f.detail) : null, id);
  db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'Nhật ký chỉ được ghi thêm, không được sửa'); END;`);
}
