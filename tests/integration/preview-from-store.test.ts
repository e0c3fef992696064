/**
 * Issue 19: the source cell at any desk. A file imported at the clerk's desk, its original moved
 * away: a reviewer on another connection still sees the sheet around a figure. On PostgreSQL from
 * the bytes the store keeps (file_contents); on SQLite, as before, from the copy beside the store,
 * the store itself keeping no bytes. A copy of the store (copy-store: a move, a PostgreSQL store's
 * backup) carries the bytes, and the copy shows the cell with no file anywhere on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../main/core/api/create-api';
import { archivedPath } from '../../main/core/ingest/import-file';
import { copyStore } from '../../main/core/store/copy-store';
import { openDb } from '../../main/core/store/open-db';
import { fileContents, fileContentSizes } from '../../main/core/store/queries/file-contents';
import { importedFileByName } from '../../main/core/store/queries/files';
import { SAMPLES_DIR, tempDir } from '../helpers/samples';
import { onPostgres, storeTarget } from '../helpers/store-target';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NAME = 'BC_T01_2023_412.xlsx';
const OTHER = 'BC_T02_2023_415.xlsx';
const CELL = { file: NAME, sheet: 'T1', cell: 'D14', radius: 2 };
let target: string;

/** What the reviewer must see around D14 of the January return of 412. */
function expectNeighbourhood(p: { origin: string; rows: string[][]; target: { row: number; col: number } }) {
  expect(p.origin).toBe('B12');
  expect(p.rows[p.target.row]![p.target.col]).toBe('1087');
  expect(p.rows[p.target.row]![0]).toBe('Số hồ sơ định danh điện tử đã thu nhận');
}

describe('the source cell of a file imported at another desk', () => {
  it('is shown after the original is gone: from the store on PostgreSQL, from the copy beside the store on SQLite', async () => {
    fs.mkdirSync(path.join(dir, 'usb'));
    fs.mkdirSync(path.join(dir, 'kho'));
    target = await storeTarget(path.join(dir, 'kho'));
    const originals = [NAME, OTHER].map((n) => path.join(dir, 'usb', n));
    for (const [i, n] of [NAME, OTHER].entries()) fs.copyFileSync(path.join(SAMPLES_DIR, n), originals[i]!);

    const clerk = createApi({ dbPath: target, checkAfterImport: false });
    const results = await clerk.importFiles({ paths: originals });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    await clerk.close();
    fs.rmSync(path.join(dir, 'usb'), { recursive: true }); // the USB stick has gone home with the clerk

    const reviewer = createApi({ dbPath: target, checkAfterImport: false });
    expectNeighbourhood(await reviewer.previewCell(CELL));
    await expect(reviewer.previewCell({ ...CELL, sheet: 'Không có' })).rejects.toThrow(/không có trang/);
    await reviewer.close();

    const db = openDb(target);
    const rec = importedFileByName(db, NAME)!;
    const archived = archivedPath(path.join(dir, 'kho', 'tep-da-nhap'), rec.sha256, NAME);
    if (onPostgres) {
      // One row per imported file, the bytes as read at import, a Buffer through the PostgreSQL thread too.
      expect(fileContentSizes(db).length).toBe(2);
      const kept = fileContents(db, rec.sha256)!;
      expect(Buffer.isBuffer(kept)).toBe(true);
      expect(kept.equals(fs.readFileSync(path.join(SAMPLES_DIR, NAME)))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'kho', 'tep-da-nhap'))).toBe(false);
    } else {
      // SQLite keeps its copies on disk and its store small.
      expect(fileContentSizes(db)).toEqual([]);
      expect(fs.readFileSync(archived).equals(fs.readFileSync(path.join(SAMPLES_DIR, NAME)))).toBe(true);
    }
    db.close();
  });

  it('is shown from a SQLite copy of the store (copy-store, a backup) with no file on disk, where the store keeps the bytes', async () => {
    fs.mkdirSync(path.join(dir, 'ban-sao'));
    const copyFile = path.join(dir, 'ban-sao', 'store.db');
    const from = openDb(target);
    const to = openDb(copyFile);
    const report = copyStore(from, to);
    expect(report.tables.find((t) => t.table === 'file_contents')!.rows).toBe(onPostgres ? 2 : 0);
    expect(fileContentSizes(to)).toEqual(fileContentSizes(from));
    from.close();
    to.close();

    const restored = createApi({ dbPath: copyFile, checkAfterImport: false });
    if (onPostgres) expectNeighbourhood(await restored.previewCell(CELL));
    // A SQLite store's copies stay beside it: a copy of the store alone does not carry them.
    else await expect(restored.previewCell(CELL)).rejects.toThrow(/Không còn tệp/);
    await restored.close();
  });
});
