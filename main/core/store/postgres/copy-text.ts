/**
 * Rows in the text format of PostgreSQL's COPY ... FROM STDIN: one line per row, values separated
 * by tabs, NULL as \N, a backslash, tab, newline or carriage return in a text escaped with a
 * backslash, and bytes as bytea's hex (its own backslash escaped). Pure, so it is tested alone.
 */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += '\t';
      out += copyValue(row[i]);
    }
    out += '\n';
  }
  return out;
}

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, escapeChar) : v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  throw new TypeError(`COPY: giá trị kiểu ${Object.prototype.toString.call(v)} không ghi được`);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeChar = (c: string) => ESCAPES[c]!;
