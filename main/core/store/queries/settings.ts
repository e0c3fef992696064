/** The office's settings (JSON values by key) and what the set-up needs to know of the store. */
import type { Database } from '../db';
import type { ProvinceNode } from '../../registry/office-provinces';
import { officeMembers, officeProvinces } from '../../registry/office-provinces';

export function readSetting<T>(db: Database, key: string): T | null {
  const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return v === undefined ? null : (JSON.parse(v) as T);
}

export function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

/** Every province version with the ids it went into: a handful of rows. */
export function provinceNodes(db: Database): ProvinceNode[] {
  const rows = db.prepare(`SELECT u.id, u.code, u.name, u.type, u.valid_from AS validFrom, u.valid_to AS validTo,
      (SELECT group_concat(s.successor_id) FROM unit_successors s WHERE s.unit_id = u.id) AS succ
    FROM units u WHERE u.level = 'province' ORDER BY u.code, u.valid_from`).all() as (Omit<ProvinceNode, 'successorIds'> & { succ: string | null })[];
  return rows.map(({ succ, ...r }) => ({ ...r, successorIds: succ ? succ.split(',').map(Number) : [] }));
}

/** The province of most imported returns, by their unit: what a store without a set-up seems to be. */
export function provinceOfReturns(db: Database): { province: string; files: number } | null {
  return (db.prepare(`SELECT u.province_code AS province, count(*) AS files FROM files f JOIN units u ON u.id = f.unit_id
    WHERE f.outcome = 'imported' AND u.province_code IS NOT NULL GROUP BY u.province_code ORDER BY files DESC LIMIT 1`).get() as { province: string; files: number } | undefined) ?? null;
}

/** Every province the imported returns came from. */
export function provincesOfReturns(db: Database): string[] {
  return db.prepare(`SELECT DISTINCT u.province_code FROM files f JOIN units u ON u.id = f.unit_id
    WHERE f.outcome = 'imported' AND u.province_code IS NOT NULL`).pluck().all() as string[];
}

/** The province codes of the office at a date (at any date without one); null without a set-up. */
export function officeProvinceCodes(db: Database, date?: string): string[] | null {
  const stored = readSetting<{ province: string }>(db, 'setup');
  if (!stored) return null;
  const nodes = provinceNodes(db);
  const members = date ? officeProvinces(nodes, stored.province)(date) : officeMembers(nodes, stored.province);
  return [...new Set(members.map((n) => n.code))];
}

/** The provinces whose units are expected to report: the office's, else those the returns came from. */
export function expectedProvinces(db: Database): string[] {
  return officeProvinceCodes(db) ?? provincesOfReturns(db);
}
