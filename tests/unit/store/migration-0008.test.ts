/** 0008: the import history's batches and files, added beside a store's existing files. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { addBatchFile, finishBatch, listBatches, startBatch } from '../../../main/core/store/queries/batches';

describe('migration 0008', () => {
  it('keeps the files of a store at 0006 and records batches with every path’s outcome', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 7);
    db.prepare(`INSERT INTO files (id, sha256, name, path, size, imported_at, received_at, outcome) VALUES (1, 'a', 'BC.xlsx', '/x', 1, 't', 't', 'rejected')`).run();
    expect(migrate(db, undefined, 8)).toEqual([8]);
    expect(db.prepare('SELECT name FROM files').pluck().all()).toEqual(['BC.xlsx']);
    // Today's query functions read today's schema: the later migrations first.
    migrate(db);
    const id = startBatch(db, '2023-06-05T08:00:00Z', 'A');
    addBatchFile(db, id, '/x/BC.xlsx', 'a', { file: 'BC.xlsx', status: 'imported', figures: 48, unmapped: 0, error: null, unit: '412' });
    addBatchFile(db, id, '/x/khong-co.xlsx', null, { file: 'khong-co.xlsx', status: 'rejected', figures: 0, unmapped: 0, error: { code: 'missing', message: 'không tìm thấy' } });
    finishBatch(db, id, '2023-06-05T08:01:00Z', false);
    expect(listBatches(db)).toEqual([{
      id, startedAt: '2023-06-05T08:00:00Z', finishedAt: '2023-06-05T08:01:00Z', user: 'A', cancelled: false, flagsRaised: 0,
      files: [
        { name: 'BC.xlsx', path: '/x/BC.xlsx', sha256: 'a', status: 'imported', code: null, message: null, figures: 48, unit: '412' },
        { name: 'khong-co.xlsx', path: '/x/khong-co.xlsx', sha256: null, status: 'rejected', code: 'missing', message: 'không tìm thấy', figures: 0, unit: null },
      ],
    }]);
    expect(() => db.prepare(`INSERT INTO import_batch_files (batch_id, seq, name, path, status) VALUES (?, 9, 'x', 'x', 'lost')`).run(id)).toThrow();
  });
});
