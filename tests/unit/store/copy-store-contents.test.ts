/**
 * copy-store carries the imported files' bytes (file_contents) whole, in batches of bounded size:
 * a store of gigabytes of files is never read into memory at once.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Database, Statement } from '../../../main/core/store/db';
import { CONTENT_BATCH_BYTES, CONTENT_BATCH_ROWS, copyStore } from '../../../main/core/store/copy-store';
import { openDb } from '../../../main/core/store/open-db';
import { fileContents, fileContentSizes, keepFileContents } from '../../../main/core/store/queries/file-contents';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** `db`, with the bytes of each read of file_contents' rows counted. */
function counting(db: Database, reads: number[]): Database {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'prepare') return Reflect.get(target, key, target) as unknown;
      return (sql: string): Statement => {
        const s = target.prepare(sql);
        if (!/SELECT sha256, size, bytes/.test(sql)) return s;
        const all = s.all.bind(s);
        return Object.assign(s, {
          all: (...p: unknown[]) => {
            const rows = all(...p) as { bytes: Uint8Array }[];
            reads.push(rows.reduce((n, r) => n + r.bytes.byteLength, 0));
            return rows;
          },
        });
      };
    },
  });
}

describe('copying file_contents', () => {
  it('copies every content byte for byte, a batch never over the bound unless one file is larger', () => {
    const from = openDb(':memory:');
    const to = openDb(':memory:');
    const kept: Buffer[] = [];
    for (let i = 0; i < CONTENT_BATCH_ROWS * 2 + 5; i++) kept.push(Buffer.from(`tệp nhỏ ${i}`));
    // Large ones: two do not fit one batch; one is larger than a batch on its own.
    kept.push(Buffer.alloc(CONTENT_BATCH_BYTES / 2 + 1, 1), Buffer.alloc(CONTENT_BATCH_BYTES / 2 + 1, 2), Buffer.alloc(CONTENT_BATCH_BYTES + 10, 3));
    for (const b of kept) keepFileContents(from, sha(b), b, '2023-06-05T08:00:00Z');

    const reads: number[] = [];
    const report = copyStore(counting(from, reads), to);
    expect(report.tables.find((t) => t.table === 'file_contents')).toEqual({ table: 'file_contents', rows: kept.length });
    expect(fileContentSizes(to)).toEqual(fileContentSizes(from));
    for (const b of kept) expect(fileContents(to, sha(b))!.equals(b)).toBe(true);
    expect(reads.length).toBeGreaterThanOrEqual(5);
    expect(reads.filter((n) => n > CONTENT_BATCH_BYTES)).toEqual([CONTENT_BATCH_BYTES + 10]);
    from.close();
    to.close();
  });
});
