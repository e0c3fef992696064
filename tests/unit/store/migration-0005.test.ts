/** 0005: the flag queue's order as an index, so a page of 100,000 flags is read without sorting them all. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { countFlagTotals, listFlags } from '../../../main/core/store/queries/flags';

const fresh = () => { const db = new Sqlite(':memory:'); db.pragma('foreign_keys = ON'); return db; };

const SEVERITIES = ['info', 'warning', 'error'] as const;

/** Flags inserted in an order that is not the queue's: info first, errors last. */
function insertFlags(db: Sqlite.Database, n: number): void {
  const ins = db.prepare(`INSERT INTO flags (id, rule, severity, unit, period, periods, indicators, figures, message, signature, sort)
    VALUES (?, 'ytd_mismatch', ?, '415', '2023-04', '["2023-04"]', '["DD_KICHHOAT"]', '[]', ?, ?, ?)`);
  for (let i = 0; i < n; i++) ins.run(`f${i}`, SEVERITIES[Math.floor((i * 3) / n)]!, `Cảnh báo số ${i}`, `s${i}`, i);
}

describe('migration 0005', () => {
  it('keeps the flags of a store at 0004 and reads the queue from the new index, most severe first', () => {
    const db = fresh();
    migrate(db, undefined, 4);
    insertFlags(db, 300);
    db.prepare(`INSERT INTO resolutions (flag_id, signature, action, user, at, reason) VALUES ('f250', 's250', 'accept', 'An', 't', 'đúng')`).run();
    expect(migrate(db, undefined, 5)).toEqual([5]);

    expect(db.prepare('SELECT count(*) AS n FROM flags').get()).toEqual({ n: 300 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'flags_queue'").get()).toEqual({ name: 'flags_queue' });
    // The query listFlags runs walks the index: no temporary b-tree to sort every flag.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT f.* FROM flags f ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.sort LIMIT 100`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('USING INDEX flags_queue');
    expect(plan).not.toContain('TEMP B-TREE');

    // The queries of today read the store as the app opens it: every later migration applied.
    migrate(db);
    const page = listFlags(db, { status: 'open', limit: 100 });
    // The 99 open errors (f250 is accepted), then the first warning.
    expect(page.map((f) => f.severity)).toEqual([...Array(99).fill('error'), 'warning']);
    expect(page[0]!.id).toBe('f200');
    expect(page.some((f) => f.id === 'f250')).toBe(false);
    expect(listFlags(db, { severity: 'info', limit: 3 }).map((f) => f.id)).toEqual(['f0', 'f1', 'f2']);
    expect(countFlagTotals(db, {})).toEqual({ total: 300, open: 299, resolved: 1, bySeverity: { error: 100, warning: 100, info: 100 } });
    expect(countFlagTotals(db, { status: 'open' })).toEqual({ total: 299, open: 299, resolved: 0, bySeverity: { error: 99, warning: 100, info: 100 } });
    expect(countFlagTotals(db, { status: 'resolved', severity: 'error' })).toEqual({ total: 1, open: 0, resolved: 1, bySeverity: { error: 1, warning: 0, info: 0 } });
  });
});
