/** The reader's output: plain cells, independent of the library that read them. */
import { toA1 } from '../../../shared/cell-address';

export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** The value: a number, a string (already decoded to Unicode NFC), a boolean, or null. */
  v: CellValue;
  /** The text as it stood in the file: the string as typed (before decoding), or the number as formatted. */
  raw: string;
  /** The formula, where the cell holds one. */
  formula?: string;
  /** A date cell's ISO date (yyyy-mm-dd), already corrected for the 1904 date system. */
  date?: string;
  /** An error value (#DIV/0!, #REF!...) or a formula with no cached result. */
  error?: 'no-cached-value' | string;
  /** Legacy encoding the text was decoded from, if any. */
  legacy?: 'tcvn3' | 'vni';
}

export interface CellRange { r1: number; c1: number; r2: number; c2: number }

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** rows[r][c]; rows and cells may be missing (sparse). Zero-based. */
  rows: (GridCell | undefined)[][];
  merges: CellRange[];
  hiddenRows: Set<number>;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  date1904: boolean;
  /** Legacy fonts named in the workbook's styles, a hint for decoding. */
  legacyFonts: { tcvn3: boolean; vni: boolean; allCaps: boolean };
}

export function cellAt(sheet: SheetGrid, r: number, c: number): GridCell | undefined {
  return sheet.rows[r]?.[c];
}

/** A1-style address of a zero-based row and column. */
export function addressOf(r: number, c: number): string {
  return toA1(r, c);
}

/** The text of a cell for recognising headings and labels ('' when empty or not text-like). */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.v === null) return '';
  return typeof cell.v === 'string' ? cell.v : String(cell.v);
}
