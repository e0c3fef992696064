/** COPY's text format: what PostgreSQL reads back is exactly what was written (checked on a server in figures-references.test.ts). */
import { describe, expect, it } from 'vitest';
import { copyText } from '../../../main/core/store/postgres/copy-text';

describe('copyText', () => {
  it('writes a line per row, tabs between values, NULL as \\N', () => {
    expect(copyText([[1, 'a', null], [2.5, '', undefined]])).toBe('1\ta\t\\N\n2.5\t\t\\N\n');
  });
  it('escapes the characters COPY reads as structure, and nothing else', () => {
    expect(copyText([['a\tb', 'dòng 1\ndòng 2\r', 'C:\\Báo cáo\\T6.xlsx', '\\N', 'Số liệu “đã sửa”']])).toBe(
      'a\\tb\tdòng 1\\ndòng 2\\r\tC:\\\\Báo cáo\\\\T6.xlsx\t\\\\N\tSố liệu “đã sửa”\n',
    );
  });
  it('writes numbers as JavaScript prints them (shortest round trip), big integers, truth values and bytes', () => {
    expect(copyText([[0.1 + 0.2, -0, 1e21, 12345678901234567890n, true, false, Buffer.from([0, 0xff, 0x0a])]])).toBe(
      '0.30000000000000004\t0\t1e+21\t12345678901234567890\tt\tf\t\\\\x00ff0a\n',
    );
  });
  it('refuses a value it cannot write rather than writing [object Object]', () => {
    expect(() => copyText([[{ a: 1 }]])).toThrow(/không ghi được/);
  });
});
