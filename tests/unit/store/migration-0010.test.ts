/** 0010: units know their province, commune rows their code, and an existing store is Nghệ An's. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadUnits, registryVersion } from '../../../main/core/registry/load-units';
import { migrate } from '../../../main/core/store/migrate';
import { seedUnitsOnce } from '../../../main/core/store/queries/seed';

const at6 = () => {
  const db = new Sqlite(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, undefined, 9);
  db.prepare(`INSERT INTO units (id, code, name, type, level, parent_code, valid_from, source) VALUES (1, '425', 'Huyện Diễn Châu', 'huyen', 'district', '40', '2020-03-01', 'nghe-an-2023.csv')`).run();
  return db;
};

describe('migration 0010', () => {
  it('makes a store with returns Nghệ An\'s, and the national registry keeps its units\' ids', () => {
    const db = at6();
    db.prepare(`INSERT INTO files (id, sha256, name, path, size, imported_at, received_at, outcome, unit_id) VALUES (1, 'a', 'BC_T01_2023_425.xlsx', '/x', 1, 't', 't', 'imported', 1)`).run();
    expect(migrate(db, undefined, 10)).toEqual([10]);
    expect(db.prepare('SELECT province_code FROM units WHERE id = 1').pluck().get()).toBe('40');
    expect(JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'setup'").pluck().get() as string)).toEqual({ province: '40', migrated: true });
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'subunit_code'").pluck().get()).toBe(1);
    // Seeding the whole country (on opening, after the later migrations) updates the unit in place: the file still points at Diễn Châu.
    migrate(db);
    expect(seedUnitsOnce(db, registryVersion(), () => loadUnits())).toBe(true);
    expect(db.prepare("SELECT id FROM units WHERE code = '425'").pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(15294);
    expect(db.prepare("SELECT count(DISTINCT province_code) FROM units WHERE level = 'province'").pluck().get()).toBe(63);
  });

  it('leaves a store without returns to its first-run set-up', () => {
    const db = at6();
    migrate(db);
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'setup'").pluck().get()).toBe(0);
  });

  it('seeds the registry once per version: a start with the same registry reads no list', () => {
    const db = at6();
    migrate(db);
    let loads = 0;
    const load = () => { loads++; return loadUnits(); };
    expect(seedUnitsOnce(db, 'v1', load)).toBe(true);
    expect(seedUnitsOnce(db, 'v1', load)).toBe(false);
    expect(loads).toBe(1);
    expect(seedUnitsOnce(db, 'v2', load)).toBe(true);
    expect(loads).toBe(2);
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(15294);
  });
});
