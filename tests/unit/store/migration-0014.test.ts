/** 0014: the import history accepts a held file, and keeps the rows it had. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';

describe('migration 0014', () => {
  it('keeps a store’s batch rows and records a held file, which 0008 refused', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 13);
    db.prepare(`INSERT INTO import_batches (id, started_at, user) VALUES (1, '2023-06-05T08:00:00Z', 'A')`).run();
    const add = db.prepare(`INSERT INTO import_batch_files (batch_id, seq, name, path, status, figures) VALUES (1, ?, ?, '/x', ?, 0)`);
    add.run(1, 'BC.xlsx', 'imported');
    expect(() => add.run(2, 'held.xlsx', 'held')).toThrow(/CHECK/);
    expect(migrate(db, undefined, 14)).toEqual([14]);
    add.run(2, 'held.xlsx', 'held');
    expect(() => add.run(3, 'x.xlsx', 'lost')).toThrow(/CHECK/);
    expect(db.prepare('SELECT name, status FROM import_batch_files ORDER BY seq').all()).toEqual([
      { name: 'BC.xlsx', status: 'imported' }, { name: 'held.xlsx', status: 'held' },
    ]);
  });
});
