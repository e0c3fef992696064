/**
 * A file's figures go into the store in one go (store/statements.ts insertRows: COPY on
 * PostgreSQL, many-rows INSERTs on SQLite), and a figure must still name a file, unit and
 * indicator that exist (on PostgreSQL checked once per statement, migration 0019-bulk-writes). Both engines.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../main/core/store/db';
import { createApi } from '../../main/core/api/create-api';
import { openDb } from '../../main/core/store/open-db';
import { FIGURE_COLUMNS, insertFigures } from '../../main/core/store/queries/figures';
import { insertRows } from '../../main/core/store/statements';
import type { NewFigure } from '../../main/core/store/rows';
import { tempDir } from '../helpers/samples';
import { storeTarget } from '../helpers/store-target';

const dir = tempDir();
let db: Database;
let unitId: number;
let indicator: string;

const newFile = (sha: string) => Number(db.prepare(`INSERT INTO files (sha256, name, path, size, imported_at, received_at, outcome, unit_id, layout)
  VALUES (?, 'T6.xlsx', 'T6.xlsx', 1, '2023-07-01T08:00:00Z', '2023-07-01T08:00:00Z', 'imported', ?, 'test')`).run(sha, unitId).lastInsertRowid);

const figure = (over: Partial<NewFigure> = {}): NewFigure => ({
  subunit: null, subunitCode: null, period: '2023-06', indicator, measure: 'period', role: 'value', value: 12, raw: '12',
  typedUnit: null, approx: false, label: 'Số nhà xây', sheet: 'Sheet1', cell: 'C5', ...over,
} as NewFigure);

beforeAll(async () => {
  // A store as the app makes it: the unit registry and the catalog seeded.
  const store = await storeTarget(dir);
  await createApi({ dbPath: store }).close();
  db = openDb(store);
  unitId = db.prepare('SELECT id FROM units ORDER BY id LIMIT 1').pluck().get() as number;
  indicator = db.prepare('SELECT code FROM indicators ORDER BY code LIMIT 1').pluck().get() as string;
});
afterAll(() => { db.close(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('a file’s figures written in one go', () => {
  it('reads back every value exactly as written: tabs, line breaks, backslashes, quotes, empty and missing text, fractions', () => {
    const fileId = newFile('a'.repeat(64));
    const texts = ['a\tb', 'dòng 1\ndòng 2', 'C:\\Báo cáo\\T6', '\\N', '', 'Nhà “đại đoàn kết”'];
    const figures = texts.map((label, i) => figure({ label, raw: label === '' ? '0,5' : label, value: i + 0.1, cell: `C${i + 5}`, subunit: i % 2 ? null : `Xã ${label}` }));
    // More rows than one message to the server carries, so the batches join up in order.
    const many = Array.from({ length: 45_000 }, (_, i) => figure({ value: i, raw: String(i), cell: `D${i}` }));
    db.transaction(() => insertFigures(db, fileId, unitId, [...figures, ...many]))();
    const got = db.prepare('SELECT label, raw, value, subunit, cell FROM figures WHERE file_id = ? ORDER BY id').all(fileId) as { label: string; raw: string; value: number; subunit: string | null; cell: string }[];
    expect(got.length).toBe(figures.length + many.length);
    expect(got.slice(0, texts.length)).toEqual(figures.map((f) => ({ label: f.label, raw: f.raw, value: f.value, subunit: f.subunit, cell: f.cell })));
    expect(got.at(-1)).toMatchObject({ value: 44_999, cell: 'D44999' });
  });

  it('counts the rows it wrote, inside a transaction and out', () => {
    const fileId = newFile('b'.repeat(64));
    const rows = [0, 1, 2].map((i) => [fileId, unitId, null, null, '2023-06', indicator, 'period', 'value', i, String(i), null, 0, 'x', 'Sheet1', `E${i}`]);
    expect(insertRows(db, 'figures', FIGURE_COLUMNS, rows).changes).toBe(3);
    expect(db.transaction(() => insertRows(db, 'figures', FIGURE_COLUMNS, rows).changes)()).toBe(3);
    expect(insertRows(db, 'figures', FIGURE_COLUMNS, []).changes).toBe(0);
  });
});

describe('a figure names what exists', () => {
  const count = () => db.prepare('SELECT count(*) FROM figures').pluck().get() as number;
  const refused = /FOREIGN KEY constraint failed|trỏ tới/;

  it.each([
    ['a unit', () => ({ unit: 999_999_999, ind: indicator, file: 0 })],
    ['an indicator', () => ({ unit: unitId, ind: 'KHONG_CO', file: 0 })],
    ['a file', () => ({ unit: unitId, ind: indicator, file: 999_999_999 })],
  ])('refuses the whole file’s figures when one names %s that does not exist, and the store stays as it was', (_what, bad) => {
    const before = count();
    const b = bad();
    expect(() => db.transaction(() => {
      const fileId = b.file || newFile(`c${before}`.padEnd(64, '0'));
      insertFigures(db, fileId, unitId, [figure(), figure({ cell: 'C6' })]);
      insertFigures(db, fileId, b.unit, [figure({ indicator: b.ind, cell: 'C7' })]);
      // The next statement is where an unwaited write's failure surfaces on PostgreSQL.
      db.prepare('SELECT 1').get();
    })()).toThrow(refused);
    expect(count()).toBe(before);
    expect(db.prepare(`SELECT count(*) FROM files WHERE sha256 = ?`).pluck().get(`c${before}`.padEnd(64, '0'))).toBe(0);
  });

  it('keeps a file, unit or indicator that figures name from being deleted', () => {
    const fileId = newFile('d'.repeat(64));
    db.transaction(() => insertFigures(db, fileId, unitId, [figure()]))();
    expect(() => db.prepare('DELETE FROM files WHERE id = ?').run(fileId)).toThrow(refused);
    expect(() => db.prepare('DELETE FROM units WHERE id = ?').run(unitId)).toThrow(refused);
    expect(() => db.prepare('DELETE FROM indicators WHERE code = ?').run(indicator)).toThrow(refused);
    // A file no figure names goes (what the rule guards is the figures, nothing more).
    const empty = newFile('e'.repeat(64));
    expect(db.prepare('DELETE FROM files WHERE id = ?').run(empty).changes).toBe(1);
  });
});

describe('many rows read back (iterate: COPY ... TO STDOUT on PostgreSQL, a cursor on SQLite)', () => {
  const walk = (sql: string, ...params: unknown[]) => [...db.prepare(sql).iterate(...params)];

  it('gives the rows, values and types a plain query gives: odd text, nulls, numbers, counts, truth values', () => {
    const fileId = newFile('f'.repeat(64));
    const texts = ['a\tb', 'dòng 1\ndòng 2\r\n', 'C:\\Báo cáo\\T6', '\\N', '', 'Nhà “đại đoàn kết”', "O'Neil"];
    db.transaction(() => insertFigures(db, fileId, unitId, texts.map((label, i) => figure({ label, raw: label, value: -i - 0.25, cell: `G${i}`, subunit: i % 2 ? null : label }))))();
    const sql = `SELECT id, label, raw, value, subunit, cell, value > ? AS big, (SELECT count(*) FROM figures g WHERE g.file_id = f.file_id) AS n
      FROM figures f WHERE file_id = ? AND cell LIKE ? ORDER BY id`;
    const args = [-2, fileId, 'G%'];
    const plain = db.prepare(sql).all(...args);
    expect(plain).toHaveLength(texts.length);
    expect(walk(sql, ...args)).toEqual(plain);
    expect([...db.prepare(sql).raw(true).iterate(...args)]).toEqual(db.prepare(sql).raw(true).all(...args));
    expect([...db.prepare('SELECT label FROM figures WHERE file_id = ? ORDER BY id').pluck().iterate(fileId)]).toEqual(texts);
    // A text parameter with a quote and a backslash, as a literal or a bound value, finds the same rows.
    for (const label of ["O'Neil", 'C:\\Báo cáo\\T6']) expect(walk('SELECT cell FROM figures WHERE label = ?', label)).toEqual(db.prepare('SELECT cell FROM figures WHERE label = ?').all(label));
  });

  it('runs statements while walking, sees its own transaction’s writes, and works on after a walk left early or a failed one', () => {
    const fileId = newFile('9'.repeat(64));
    db.transaction(() => insertFigures(db, fileId, unitId, Array.from({ length: 30_000 }, (_, i) => figure({ value: i, raw: String(i), cell: `H${i}` }))))();
    let seen = 0;
    for (const r of db.prepare('SELECT id, value FROM figures WHERE file_id = ? ORDER BY id').iterate(fileId) as Iterable<{ id: number; value: number }>) {
      if (r.value % 10_000 === 0) expect(db.prepare('SELECT value FROM figures WHERE id = ?').pluck().get(r.id)).toBe(r.value);
      seen++;
    }
    expect(seen).toBe(30_000);
    for (const _ of db.prepare('SELECT id FROM figures WHERE file_id = ?').iterate(fileId)) break;
    expect(db.prepare('SELECT count(*) FROM figures WHERE file_id = ?').pluck().get(fileId)).toBe(30_000);
    const inside = db.transaction(() => {
      db.prepare("UPDATE figures SET raw = 'đã sửa' WHERE file_id = ? AND cell = 'H7'").run(fileId);
      return walk("SELECT raw FROM figures WHERE file_id = ? AND cell IN ('H6', 'H7') ORDER BY id", fileId);
    })();
    expect(inside).toEqual([{ raw: '6' }, { raw: 'đã sửa' }]);
    expect(() => walk('SELECT no_such_column FROM figures')).toThrow();
    expect(db.prepare('SELECT count(*) FROM figures WHERE file_id = ?').pluck().get(fileId)).toBe(30_000);
  });

  // A read larger than what the connection's thread holds before pausing it (16 MB on PostgreSQL).
  it('walks a read of more than 16 MB, running a statement and leaving early once the read is held back', () => {
    const fileId = newFile('8'.repeat(64));
    const long = 'nhãn dài '.repeat(120);
    db.transaction(() => insertFigures(db, fileId, unitId, Array.from({ length: 20_000 }, (_, i) => figure({ label: `${i} ${long}`, value: i, raw: String(i), cell: `J${i}` }))))();
    // Long enough for the thread to read ahead to its limit while this one does nothing.
    const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    let seen = 0;
    let sum = 0;
    for (const r of db.prepare('SELECT value, label FROM figures WHERE file_id = ? ORDER BY id').iterate(fileId) as Iterable<{ value: number; label: string }>) {
      if (seen === 0) {
        pause();
        expect(db.prepare('SELECT count(*) FROM figures WHERE file_id = ?').pluck().get(fileId)).toBe(20_000);
      }
      expect(r.label).toBe(`${r.value} ${long}`);
      seen++;
      sum += r.value;
    }
    expect([seen, sum]).toEqual([20_000, (20_000 * 19_999) / 2]);
    for (const _ of db.prepare('SELECT label FROM figures WHERE file_id = ?').iterate(fileId)) {
      pause();
      break;
    }
    expect(db.prepare('SELECT count(*) FROM figures WHERE file_id = ?').pluck().get(fileId)).toBe(20_000);
  });
});
