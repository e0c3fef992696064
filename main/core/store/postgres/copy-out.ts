/**
 * Big reads through COPY (...) TO STDOUT: the server sends the rows as text, the connection's
 * thread passes the bytes on unparsed, and the caller parses them here, a row at a time. A
 * national year's 1,036,152 figures took 8-11 s through a cursor (pg parsing every row in its
 * thread, the rows copied across), 2.2-3.5 s this way, as long as SQLite takes to read them.
 */
import { isAscii } from 'node:buffer';

/**
 * A column as the parser reads it: how its text becomes its value (pg's type parser for the
 * column's type; null keeps the text), and whether that text is always ASCII (numbers, truth
 * values), so never needs decoding as UTF-8.
 */
export interface CopyColumn { parse: ((text: string) => unknown) | null; ascii: boolean }

/**
 * `sql` with its $1, $2... placeholders replaced by the values as SQL literals: COPY takes no
 * parameters. Quoted strings, quoted names and comments are left as they are.
 */
export function inlineParams(sql: string, params: readonly unknown[], literal: (s: string) => string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = closing(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      out += sql.slice(i, end < 0 ? sql.length : end);
      i = end < 0 ? sql.length : end;
    } else if (c === '$' && /[0-9]/.test(sql[i + 1] ?? '')) {
      let j = i + 1;
      while (j < sql.length && /[0-9]/.test(sql[j]!)) j++;
      const n = Number(sql.slice(i + 1, j));
      if (n < 1 || n > params.length) throw new Error(`no value for $${n}`);
      out += sqlValue(params[n - 1], literal);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Just past the quote that closes the one at `start` (a doubled quote is one character). */
function closing(sql: string, start: number, q: string): number {
  let i = start + 1;
  for (;;) {
    const k = sql.indexOf(q, i);
    if (k < 0) return sql.length;
    if (sql[k + 1] === q) i = k + 2;
    else return k + 1;
  }
}

function sqlValue(v: unknown, literal: (s: string) => string): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    // In brackets: `a -$1` must not become a comment.
    return v < 0 ? `(${v})` : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return literal(v);
  throw new Error(`a value COPY cannot take inline: ${typeof v}`);
}

/** May `params` be written into the SQL (no bytes, no objects)? */
export function inlinable(params: readonly unknown[]): boolean {
  return params.every((v) => v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)));
}

/**
 * COPY's text rows, fed as the bytes arrive and read one at a time (a row is garbage as soon as
 * the caller is done with it; a chunk's rows built at once outlived the young generation). A row
 * split between two chunks waits for the second. Fields are tab-separated, \N is null, and a
 * backslash escapes a tab, line break, backslash or another control character.
 */
export class CopyRowParser {
  /** Bytes after the last complete line fed. */
  private rest: Buffer | null = null;
  /** The complete lines of the chunk being read, a character per byte, and where the next row starts. */
  private text = '';
  private at = 0;
  /** The same lines' bytes, where a text field needs decoding as UTF-8 (null: all ASCII). */
  private utf8: Buffer | null = null;
  /** A line completed by this chunk's first bytes, read before the chunk's own. */
  private joined: Buffer | null = null;

  constructor(private readonly columns: readonly CopyColumn[]) {}

  /** Takes the next chunk: every row of the one before must have been read. */
  feed(chunk: Buffer): void {
    let from = 0;
    if (this.rest) {
      const nl = chunk.indexOf(0x0a);
      if (nl < 0) {
        this.rest = Buffer.concat([this.rest, chunk]);
        this.setText(Buffer.alloc(0));
        return;
      }
      this.joined = Buffer.concat([this.rest, chunk.subarray(0, nl + 1)]);
      from = nl + 1;
    }
    // A line ends at a 0x0A byte, which is never part of a UTF-8 character: split there.
    const end = chunk.lastIndexOf(0x0a);
    this.rest = end + 1 < chunk.length ? Buffer.from(chunk.subarray(Math.max(end + 1, from))) : null;
    this.setText(end >= from ? chunk.subarray(from, end + 1) : Buffer.alloc(0));
  }

  /** The next complete row fed, or undefined until more bytes come. */
  next(): unknown[] | undefined {
    if (this.joined) {
      const line = this.joined;
      this.joined = null;
      const text = line.toString('latin1');
      return this.row(text, isAscii(line) ? null : line, 0, text.length - 1);
    }
    if (this.at >= this.text.length) return undefined;
    const stop = this.text.indexOf('\n', this.at);
    const row = this.row(this.text, this.utf8, this.at, stop);
    this.at = stop + 1;
    return row;
  }

  /** At the end of the stream: nothing may be left, unless it ended inside a row. */
  finish(): void {
    if (this.rest && this.rest.length > 0) throw new Error('COPY output ended inside a row');
  }

  /**
   * Read as latin1, a character per byte (several times faster than UTF-8 into one string), so a
   * field's place in the text is its place in the bytes: a text with other letters is decoded
   * from them on its own.
   */
  private setText(lines: Buffer): void {
    this.text = lines.toString('latin1');
    this.utf8 = isAscii(lines) ? null : lines;
    this.at = 0;
  }

  /** The row from `start` to `stop` of `text`, which is `utf8`'s bytes one character each. */
  private row(text: string, utf8: Buffer | null, start: number, stop: number): unknown[] {
    const n = this.columns.length;
    const row = new Array<unknown>(n);
    let at = start;
    for (let k = 0; k < n; k++) {
      let tab = k === n - 1 ? stop : text.indexOf('\t', at);
      if (tab < 0 || tab > stop) tab = stop;
      let field = text.slice(at, tab);
      if (field === '\\N') row[k] = null;
      else {
        const { parse, ascii } = this.columns[k]!;
        if (!ascii && utf8 && NOT_ASCII.test(field)) field = utf8.toString('utf8', at, tab);
        if (field.includes('\\')) field = unescapeField(field);
        row[k] = parse ? parse(field) : field;
      }
      at = tab + 1;
    }
    return row;
  }
}

const NOT_ASCII = /[^\x00-\x7f]/;
const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** COPY's text escapes: \b \f \n \r \t \v, octal \NNN, hex \xHH, and any other character as itself. */
export function unescapeField(s: string): string {
  return s.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/gs, (_m, oct: string | undefined, hex: string | undefined, ch: string | undefined) => {
    if (oct !== undefined) return String.fromCharCode(parseInt(oct, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return ESCAPES[ch!] ?? ch!;
  });
}
