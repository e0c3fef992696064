/** 0012: cell errors of imported files (a formula without its cached result), kept beside the file's figures. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';

describe('migration 0012', () => {
  it('keeps the files of a store at 0006 and takes one error per cell, of a known kind only', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 11);
    db.prepare(`INSERT INTO units (id, code, name, type, level, valid_from, source) VALUES (1, '427', 'Huyện Đô Lương', 'huyện', 'district', '2000-01-01', 'test')`).run();
    db.prepare(`INSERT INTO files (id, sha256, name, path, size, imported_at, received_at, outcome, unit_id) VALUES (1, 'a', 'x.xlsx', '/x', 1, 't', 't', 'imported', 1)`).run();
    expect(migrate(db, undefined, 12)).toEqual([12]);
    expect(db.prepare('SELECT name FROM files').pluck().all()).toEqual(['x.xlsx']);
    db.prepare(`INSERT INTO cell_errors (file_id, sheet, cell, kind, formula, label) VALUES (1, 'T1', 'K23', 'formula-no-cache', 'SUM(K8:K22)', 'Tổng cộng')`).run();
    expect(() => db.prepare(`INSERT INTO cell_errors (file_id, sheet, cell, kind, formula) VALUES (1, 'T1', 'K24', 'other', '')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO cell_errors (file_id, sheet, cell, kind, formula) VALUES (9, 'T1', 'K24', 'formula-no-cache', '')`).run()).toThrow(/FOREIGN KEY/);
  });
});
