/**
 * 0007: decisions as rows that are never edited, the audit log as a hash chain. A store at 0006 keeps
 * its mappings, its choices become rows, its older entries get structured fields, and every entry
 * and decision it held is chained so that the store verifies.
 */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { listAudit, verifyAudit } from '../../../main/core/store/queries/audit';
import { listFigures } from '../../../main/core/store/queries/figures';

describe('migration 0007', () => {
  it('keeps a store at 0006: mappings, choices, older entries worded by codes, all chained', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 6);
    db.prepare(`INSERT INTO units (id, code, name, type, level, valid_from, source) VALUES (1, '422', 'Huyện Con Cuông', 'huyện', 'district', '2000-01-01', 'test')`).run();
    db.prepare(`INSERT INTO indicator_groups (code, name, sort) VALUES ('G', 'Nhóm', 1)`).run();
    db.prepare(`INSERT INTO indicators (code, name, unit, kind, group_code, sort) VALUES ('TT_DOT', 'Số đợt', 'đợt', 'flow', 'G', 1)`).run();
    const file = db.prepare(`INSERT INTO files (id, sha256, name, path, size, imported_at, received_at, outcome, unit_id, superseded_by) VALUES (?, ?, ?, '/x', 1, 't', 't', 'imported', 1, ?)`);
    file.run(1, 'a', 'BC_T03_422.xlsx', null);
    file.run(2, 'b', 'BC_T03_422 (sua lai).xlsx', 1);
    db.prepare(`INSERT INTO file_periods VALUES (1, '2023-03'), (2, '2023-03')`).run();
    db.prepare(`INSERT INTO figures (file_id, unit_id, period, indicator, measure, role, value, raw, label, sheet, cell) VALUES (1, 1, '2023-03', 'TT_DOT', 'period', 'value', 6, '6', 'Số đợt', 'T3', 'D20'), (2, 1, '2023-03', 'TT_DOT', 'period', 'value', 8, '8', 'Số đợt', 'T3', 'D20')`).run();
    db.prepare(`INSERT INTO label_mappings (folded, label, indicator, confirmed_by, confirmed_at) VALUES ('so dot', 'Số đợt', 'TT_DOT', 'An', '2023-07-01')`).run();
    db.prepare(`INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES ('f1', 's1', 'choose', 'An', '2023-07-02', 'bản gửi lại nhầm')`).run();
    const audit = db.prepare(`INSERT INTO audit_log (at, user, action, target, old_value, new_value, reason) VALUES (?, 'An', ?, ?, ?, ?, ?)`);
    audit.run('2023-07-01', 'map-label', 'Số đợt', null, 'TT_DOT', '2 số liệu');
    audit.run('2023-07-02', 'choose-submission', '422 2023-03', 'BC_T03_422 (sua lai).xlsx', 'BC_T03_422.xlsx', 'bản gửi lại nhầm');
    audit.run('2023-07-03', 'correct-figure', '422 2023-03 TT_DOT period (tệp BC_T03_422.xlsx, trang “T3”, ô D20)', '6', '7', 'gõ nhầm');

    expect(migrate(db, undefined, 7)).toEqual([7]);
    // The mapping, now a decision row of its own.
    expect(db.prepare('SELECT id, folded, indicator FROM label_mappings').all()).toEqual([{ id: 1, folded: 'so dot', indicator: 'TT_DOT' }]);
    // The choice, a row; the standing file is the chosen one, as the old UPDATE left it.
    expect(db.prepare('SELECT unit_id AS unitId, period, file_id AS fileId FROM submission_choices').all()).toEqual([{ unitId: 1, period: '2023-03', fileId: 1 }]);
    // The query functions below read today's schema: the later migrations go on top.
    migrate(db);
    expect(listFigures(db, { unit: '422' }).map((f) => f.file)).toEqual(['BC_T03_422.xlsx']);
    // The older entries carry their subjects as fields now.
    const entries = listAudit(db);
    expect(entries.slice(0, 3).map((e) => [e.action, e.unit, e.period, e.indicator, e.detail])).toEqual([
      ['map-label', null, null, 'TT_DOT', { label: 'Số đợt' }],
      ['choose-submission', '422', '2023-03', null, { file: 'BC_T03_422.xlsx' }],
      ['correct-figure', '422', '2023-03', 'TT_DOT', { measure: 'period', subunit: null, file: 'BC_T03_422.xlsx', sheet: 'T3', cell: 'D20' }],
    ]);
    // Each decision row made before gets an entry that records it; the whole verifies.
    expect(entries.slice(3).map((e) => e.action)).toEqual(['record-decision', 'record-decision', 'record-decision']);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 6, brokenEntry: null, message: null });
    // And the update trigger lifted for the upgrade is back.
    expect(() => db.prepare(`UPDATE audit_log SET reason = 'x' WHERE id = 1`).run()).toThrow(/không được sửa/);
  });
});
