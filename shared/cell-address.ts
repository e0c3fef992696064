/**
 * Cell addresses: "D15" (A1 style, as Excel and the flags show them) and "Sheet!D15", to and from
 * zero-based row and column numbers as the reader's grid holds them.
 */

export interface CellAddress {
  /** Zero-based row: "D15" is row 14. */
  row: number;
  /** Zero-based column: "D15" is column 3. */
  col: number;
  /** The sheet, where the address named one ("T2!D15"). */
  sheet?: string;
}

/** "A" -> 0, "Z" -> 25, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 -> "A", 26 -> "AA". */
export function columnLetters(col: number): string {
  let out = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** "D15" of zero-based row 14, column 3. */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * "D15", "$D$15", "T2!D15", "'Báo cáo T2'!D15" -> the address; null where the text is not one
 * (row 0, letters past XFD). Case of the letters does not matter.
 */
export function parseA1(text: string): CellAddress | null {
  const s = text.trim();
  const bang = s.lastIndexOf('!');
  const ref = bang >= 0 ? s.slice(bang + 1) : s;
  const m = A1.exec(ref);
  if (!m) return null;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (row < 0 || col > 16383) return null;
  if (bang < 0) return { row, col };
  let sheet = s.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet ? { row, col, sheet } : null;
}

/** "T2!D15", quoting a sheet name that has spaces or punctuation as Excel does. */
export function formatAddress(a: CellAddress): string {
  const cell = toA1(a.row, a.col);
  if (a.sheet === undefined) return cell;
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(a.sheet);
  return `${plain ? a.sheet : `'${a.sheet.replace(/'/g, "''")}'`}!${cell}`;
}
