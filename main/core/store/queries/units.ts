/** The unit registry as the recogniser and the API see it. */
import type { Database } from 'better-sqlite3';
import type { UnitInfo } from '../../../../shared/types';
import type { DirectoryUnit } from '../../import/recognise/find-unit';
import { stripDiacritics } from '../../text/clean-text';

interface Row { id: number; code: string; name: string; type: string; level: UnitInfo['level']; parent_code: string | null; valid_from: string; valid_to: string | null }

export function loadDirectory(db: Database): DirectoryUnit[] {
  const names = new Map<number, string[]>();
  for (const n of db.prepare('SELECT unit_id, folded FROM unit_names').all() as { unit_id: number; folded: string }[]) {
    (names.get(n.unit_id) ?? names.set(n.unit_id, []).get(n.unit_id)!).push(n.folded);
  }
  return (db.prepare('SELECT * FROM units ORDER BY id').all() as Row[]).map((u) => {
    const folded = names.get(u.id) ?? [];
    return {
      id: u.id, code: u.code, name: u.name, type: u.type, level: u.level, validFrom: u.valid_from, validTo: u.valid_to,
      names: folded, asciiNames: folded.map((n) => stripDiacritics(n)),
    };
  });
}

export function listUnits(db: Database, at?: string): UnitInfo[] {
  const rows = (at
    ? db.prepare('SELECT * FROM units WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY code').all(at, at)
    : db.prepare('SELECT * FROM units ORDER BY code, valid_from').all()) as Row[];
  return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, type: u.type, level: u.level, parentCode: u.parent_code, validFrom: u.valid_from, validTo: u.valid_to }));
}
