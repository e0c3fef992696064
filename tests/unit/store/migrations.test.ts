import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { knownMigrations, migrate } from '../../../main/core/store/migrate';
import { openDb, sqliteOf } from '../../../main/core/store/open-db';

const fresh = () => { const db = new Sqlite(':memory:'); db.pragma('foreign_keys = ON'); return db; };
const unit = (db: Sqlite.Database) => Number(db.prepare(`INSERT INTO units (code, name, type, level, valid_from, source) VALUES ('425', 'Huyện Diễn Châu', 'huyen', 'district', '2020-03-01', 't')`).run().lastInsertRowid);
const indicator = (db: Sqlite.Database) => {
  db.prepare(`INSERT INTO indicator_groups (code, name, sort) VALUES ('I', 'AN SINH', 0)`).run();
  db.prepare(`INSERT INTO indicators (code, name, unit, kind, group_code, sort) VALUES ('NHA_XD', 'Nhà', 'căn', 'flow', 'I', 0)`).run();
};
const file = (db: Sqlite.Database, sha: string, outcome = 'imported') => Number(db.prepare(`INSERT INTO files (sha256, name, path, size, imported_at, received_at, outcome) VALUES (?, 'a.xlsx', '/a.xlsx', 1, 't', 't', ?)`).run(sha, outcome).lastInsertRowid);

describe('migrations', () => {
  it('are numbered without gaps', () => {
    expect(knownMigrations().map((m) => m.id)).toEqual(knownMigrations().map((_, i) => i + 1));
  });

  it('0001 makes STRICT unit and catalog tables', () => {
    const db = fresh();
    migrate(db, undefined, 1);
    const id = unit(db);
    expect(() => db.prepare(`INSERT INTO units (code, name, type, level, valid_from, source) VALUES ('1', 'x', 'x', 'kingdom', 'd', 's')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO unit_names (unit_id, name, folded, source) VALUES (?, ?, ?, ?)').run('not a number', 'x', 'x', 'alias')).toThrow(/datatype|cannot store/i);
    expect(() => db.prepare('INSERT INTO unit_successors (unit_id, successor_id) VALUES (?, 999)').run(id)).toThrow(/FOREIGN KEY/);
  });

  it('0002 adds files and figures to a store that already has units', () => {
    const db = fresh();
    migrate(db, undefined, 1);
    const u = unit(db);
    indicator(db);
    expect(migrate(db, undefined, 2)).toEqual([2]);
    const f = file(db, 'abc');
    db.prepare(`INSERT INTO figures (file_id, unit_id, period, indicator, measure, role, value, raw, label, sheet, cell) VALUES (?, ?, '2023-01', 'NHA_XD', 'period', 'value', 3, '3', 'Nhà', 'T1', 'D12')`).run(f, u);
    expect(() => file(db, 'abc')).toThrow(/UNIQUE/);
    expect(() => file(db, 'abc', 'rejected')).not.toThrow();
    expect(() => db.prepare(`INSERT INTO figures (file_id, unit_id, period, indicator, measure, role, value, raw, label, sheet, cell) VALUES (?, ?, '2023-01', 'NOPE', 'period', 'value', 3, '3', 'x', 'T1', 'D1')`).run(f, u)).toThrow(/FOREIGN KEY/);
  });

  it('0003 adds an audit log that refuses UPDATE and DELETE', () => {
    const db = fresh();
    migrate(db, undefined, 2);
    file(db, 'abc');
    migrate(db, undefined, 3);
    db.prepare(`INSERT INTO audit_log (at, user, action, target, reason) VALUES ('t', 'An', 'map-label', 'x', 'vì')`).run();
    expect(() => db.prepare(`UPDATE audit_log SET user = 'B'`).run()).toThrow(/chỉ được ghi thêm/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/chỉ được ghi thêm/);
    expect(db.prepare('SELECT user FROM audit_log').all()).toEqual([{ user: 'An' }]);
  });

  it('refuses a store written by another version', () => {
    const db = fresh();
    migrate(db);
    db.prepare(`UPDATE migrations SET name = '0002-something-else' WHERE id = 2`).run();
    expect(() => migrate(db)).toThrow(/phiên bản khác/);
  });

  it('opens in WAL with foreign keys on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'th-'));
    const db = sqliteOf(openDb(path.join(dir, 's.db')))!;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
