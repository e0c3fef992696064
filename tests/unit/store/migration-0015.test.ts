/** 0015: the import history records a skipped (non-spreadsheet) file, keeps its rows, and holds the flags a batch raised. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';

describe('migration 0015', () => {
  it('keeps a store’s batch rows, records a skipped file, which 0014 refused, and a batch’s flags', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 14);
    db.prepare(`INSERT INTO import_batches (id, started_at, user) VALUES (1, '2023-06-05T08:00:00Z', 'A')`).run();
    const add = db.prepare(`INSERT INTO import_batch_files (batch_id, seq, name, path, status, figures) VALUES (1, ?, ?, '/x', ?, 0)`);
    add.run(1, 'BC.xlsx', 'imported');
    add.run(2, 'held.xlsx', 'held');
    expect(() => add.run(3, 'Công văn.docx', 'skipped')).toThrow(/CHECK/);
    expect(migrate(db, undefined, 15)).toEqual([15]);
    add.run(3, 'Công văn.docx', 'skipped');
    expect(() => add.run(4, 'x.xlsx', 'lost')).toThrow(/CHECK/);
    expect(db.prepare('SELECT name, status FROM import_batch_files ORDER BY seq').all()).toEqual([
      { name: 'BC.xlsx', status: 'imported' }, { name: 'held.xlsx', status: 'held' }, { name: 'Công văn.docx', status: 'skipped' },
    ]);
    db.prepare(`INSERT INTO batch_flags (batch_id, flag_id) VALUES (1, 'f1')`).run();
    expect(() => db.prepare(`INSERT INTO batch_flags (batch_id, flag_id) VALUES (9, 'f1')`).run()).toThrow(/FOREIGN KEY/);
  });
});
