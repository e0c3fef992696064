/** 0006: files found by name and by unit through indexes, so a correction and an import read only their own rows. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';

describe('migration 0006', () => {
  it('keeps the files of a store at 0005 and finds a figure by file name, sheet and cell without scanning the figures', () => {
    const db = new Sqlite(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, undefined, 5);
    db.prepare(`INSERT INTO units (id, code, name, type, level, valid_from, source) VALUES (1, '415', 'Huyện Quế Phong', 'huyện', 'district', '2000-01-01', 'test')`).run();
    db.prepare(`INSERT INTO files (id, sha256, name, path, size, imported_at, received_at, outcome, unit_id) VALUES (1, 'a', 'BC_T01_2023_415.xlsx', '/x', 1, 't', 't', 'imported', 1)`).run();
    expect(migrate(db, undefined, 6)).toEqual([6]);
    expect(db.prepare('SELECT name FROM files').pluck().all()).toEqual(['BC_T01_2023_415.xlsx']);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT fg.id FROM files f CROSS JOIN figures fg ON fg.file_id = f.id
      WHERE f.name = ? AND fg.sheet = ? AND fg.cell = ? AND f.outcome = 'imported' ORDER BY f.id DESC LIMIT 1`).all('x', 'T1', 'D12') as { detail: string }[]).map((r) => r.detail);
    expect(plan.join(' | ')).toContain('USING INDEX files_name');
    expect(plan.join(' | ')).toContain('USING INDEX figures_file');
    expect(plan.some((d) => /^SCAN fg\b/.test(d))).toBe(false);
    // The files an import supersedes: its unit's, not every file.
    const earlier = (db.prepare(`EXPLAIN QUERY PLAN SELECT f.id FROM files f WHERE f.outcome = 'imported' AND f.unit_id = ? AND f.id <> ? AND f.superseded_by IS NULL`)
      .all(1, 2) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(earlier).toContain('USING INDEX files_unit');
  });
});
