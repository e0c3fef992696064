/** Big reads on PostgreSQL (store/postgres/copy-out.ts): COPY's text rows parsed as they arrive, and parameters written inline. */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { CopyColumn } from '../../../main/core/store/postgres/copy-out';
import { CopyRowParser, inlinable, inlineParams, unescapeField } from '../../../main/core/store/postgres/copy-out';

const num = { parse: (s: string) => Number(s), ascii: true };
const text = { parse: null, ascii: false };

/** Every row of `bytes` fed in chunks of `size`. */
function parse(bytes: Buffer, size: number, columns: CopyColumn[] = [num, text, text]): unknown[][] {
  const p = new CopyRowParser(columns);
  const rows: unknown[][] = [];
  for (let i = 0; i < bytes.length; i += size) {
    p.feed(bytes.subarray(i, i + size));
    for (let r = p.next(); r; r = p.next()) rows.push(r);
  }
  p.finish();
  return rows;
}

describe('COPY text rows', () => {
  // As PostgreSQL writes them: tabs between fields, \N for null, escapes for tab, line break and backslash.
  const text = ['1\tHuyện Nghi Lộc\tSheet1', '2\t\\N\t', '3\ta\\tb\\nc\\\\d\t6 tháng cuối năm', '4.5\tNhà “đại đoàn kết”\t\\N'].join('\n') + '\n';
  const want = [[1, 'Huyện Nghi Lộc', 'Sheet1'], [2, null, ''], [3, 'a\tb\nc\\d', '6 tháng cuối năm'], [4.5, 'Nhà “đại đoàn kết”', null]];

  it('reads the same rows however the bytes are cut, a letter of several bytes cut in two included', () => {
    const bytes = Buffer.from(text, 'utf8');
    for (let size = 1; size <= bytes.length; size++) expect(parse(bytes, size), `chunks of ${size}`).toEqual(want);
  });

  it('reads ASCII-only chunks and chunks with other letters alike', () => {
    expect(parse(Buffer.from('7\tabc\tD9\n8\t\\N\tE9\n'), 1 << 20)).toEqual([[7, 'abc', 'D9'], [8, null, 'E9']]);
  });

  it('decodes a parsed column that is not always ASCII (JSON) before parsing it', () => {
    const json = { parse: (s: string) => JSON.parse(s) as unknown, ascii: false };
    const bytes = Buffer.from('1\t{"tỉnh": "Nghệ An", "đơn vị": ["Diễn Châu"]}\n', 'utf8');
    for (const size of [1, 7, bytes.length]) expect(parse(bytes, size, [num, json])).toEqual([[1, { 'tỉnh': 'Nghệ An', 'đơn vị': ['Diễn Châu'] }]]);
  });

  it('refuses output that ends inside a row', () => {
    const p = new CopyRowParser([num]);
    p.feed(Buffer.from('1\n2'));
    expect(p.next()).toEqual([1]);
    expect(p.next()).toBeUndefined();
    expect(() => p.finish()).toThrow(/inside a row/);
  });

  it('undoes every escape COPY writes', () => {
    expect(unescapeField('\\b\\f\\n\\r\\t\\v\\\\\\101\\x42')).toBe('\b\f\n\r\t\v\\AB');
  });
});

describe('parameters written into the SQL', () => {
  it('replaces each $n by its value as a literal, and leaves quoted text, names and comments alone', () => {
    const sql = `SELECT '$1', "a$2", x -- $3\nFROM t WHERE a = $1 AND b = $2 AND c = $3 AND d IS $4 AND e = $10`;
    // pg writes a backslash's string as E'...' after a space.
    const params = ["O'Neil \\ x", 5, true, null, 0, 0, 0, 0, 0, -2.5];
    expect(inlineParams(sql, params, pg.escapeLiteral)).toBe(`SELECT '$1', "a$2", x -- $3\nFROM t WHERE a =  E'O''Neil \\\\ x' AND b = 5 AND c = TRUE AND d IS NULL AND e = (-2.5)`);
  });

  it('refuses what it cannot write inline: bytes, objects, a missing value', () => {
    expect(inlinable(['a', 1, null, false])).toBe(true);
    expect(inlinable([Buffer.from('x')])).toBe(false);
    expect(inlinable([Number.NaN])).toBe(false);
    expect(() => inlineParams('SELECT $2', ['a'], pg.escapeLiteral)).toThrow(/\$2/);
  });
});
