/** 0017: file_contents, the bytes of imported files kept in the store by their sha256; a store's rows kept. */
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/core/store/migrate';
import { fileContentSizes, fileContents, fileContentsFrom, keepFileContents } from '../../../main/core/store/queries/file-contents';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

describe('migration 0017', () => {
  it('adds file_contents to a store of 0016, one row per content, its size checked against its bytes', () => {
    const db = new Sqlite(':memory:');
    migrate(db, undefined, 16);
    db.prepare(`INSERT INTO import_batches (id, started_at, user) VALUES (1, '2023-06-05T08:00:00Z', 'A')`).run();
    expect(migrate(db, undefined, 17)).toEqual([17]);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(1);
    expect(fileContents(db, SHA_A)).toBeUndefined();

    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 255]);
    keepFileContents(db, SHA_B, Buffer.from('second'), '2023-06-05T08:00:01Z');
    keepFileContents(db, SHA_A, bytes, '2023-06-05T08:00:00Z');
    // The same content sent again: kept once, as first kept.
    keepFileContents(db, SHA_A, Buffer.from('other'), '2023-06-06T08:00:00Z');
    const got = fileContents(db, SHA_A)!;
    expect(Buffer.isBuffer(got)).toBe(true);
    expect(got.equals(bytes)).toBe(true);
    expect(fileContentSizes(db)).toEqual([{ sha256: SHA_A, size: 6 }, { sha256: SHA_B, size: 6 }]);
    expect(fileContentsFrom(db, SHA_B, 5).map((r) => [r.sha256, r.bytes.toString(), r.stored_at])).toEqual([[SHA_B, 'second', '2023-06-05T08:00:01Z']]);

    expect(() => db.prepare(`INSERT INTO file_contents (sha256, size, bytes, stored_at) VALUES (?, 3, ?, 'x')`).run('c'.repeat(64), Buffer.from('four'))).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO file_contents (sha256, size, bytes, stored_at) VALUES ('short', 1, ?, 'x')`).run(Buffer.from('1'))).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO file_contents (sha256, size, bytes, stored_at) VALUES (?, 4, 'text', 'x')`).run('d'.repeat(64))).toThrow(/BLOB|type/i);
  });
});
