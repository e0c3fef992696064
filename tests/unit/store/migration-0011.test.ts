/** 0011: a store's files become sources of kind 'file' (neither held nor typed); approvals are append-only; deadlines checked. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';

describe('migration 0011', () => {
  it('keeps a store\'s files as file sources, not held, and adds append-only approvals', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 10);
    db.prepare(`INSERT INTO units (id, code, name, type, level, valid_from, source) VALUES (1, '415', 'Huyện Quế Phong', 'huyện', 'district', '2000-01-01', 'test')`).run();
    db.prepare(`INSERT INTO files (id, sha256, name, path, size, imported_at, received_at, outcome, unit_id) VALUES (1, 'a', 'BC_T01_2023_415.xlsx', '/x', 1, 't', 't', 'imported', 1)`).run();
    expect(migrate(db, undefined, 11)).toEqual([11]);
    expect(db.prepare('SELECT source_kind, source_ref, held FROM files').get()).toEqual({ source_kind: 'file', source_ref: null, held: 0 });
    expect(() => db.prepare(`UPDATE files SET source_kind = 'email'`).run()).toThrow(/CHECK/);
    const approve = db.prepare(`INSERT INTO approvals (unit_code, period, action, user, at, reason, open_flags) VALUES ('415', '2023-01', ?, 'B', 't', ?, ?)`);
    // Over open flags only with a reason; an unlock always with one.
    expect(() => approve.run('approve', null, 2)).toThrow(/CHECK/);
    expect(() => approve.run('unlock', null, 0)).toThrow(/CHECK/);
    approve.run('approve', null, 0);
    approve.run('approve', 'Đã hỏi đơn vị', 3);
    expect(() => db.prepare(`UPDATE approvals SET user = 'X'`).run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM approvals').run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare(`INSERT INTO deadlines (period_type, day, months_after, set_by, set_at) VALUES ('week', 5, 0, 'B', 't')`).run()).toThrow(/CHECK/);
  });
});
