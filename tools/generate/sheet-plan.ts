/** A sheet as a list of cells, merges and widths: laid out once, then written with exceljs or only read for the key. */
import type { AnswerKeyValue } from './model';

export type CellStyle =
  | 'agency' | 'agencyBold' | 'motto' | 'mottoSub' | 'date' | 'title' | 'subtitle'
  | 'head' | 'group' | 'label' | 'num' | 'text' | 'sign' | 'signName' | 'recipients' | 'recipientsHead' | 'plain';

export type CellValue = string | number | { formula: string; result: number };

/** value null: a styled blank (a bordered empty cell of the table). */
export interface PlanCell { r: number; c: number; value: CellValue | null; style: CellStyle }

export interface SheetPlan {
  name: string;
  cells: PlanCell[];
  merges: [number, number, number, number][];
  widths: number[];
  landscape: boolean;
}

/** A figure written into the plan: the answer key's value without unit, year and file. */
export type Figure = Pick<AnswerKeyValue, 'month' | 'indicator' | 'column' | 'value' | 'sheet' | 'cell' | 'commune'>;

export function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export const address = (r: number, c: number): string => `${colName(c)}${r}`;

export class SheetBuilder {
  readonly plan: SheetPlan;

  constructor(name: string, private readonly figures: Figure[], private readonly nfd: boolean) {
    this.plan = { name, cells: [], merges: [], widths: [], landscape: false };
  }

  set(r: number, c: number, value: CellValue | null, style: CellStyle = 'plain'): void {
    const v = typeof value === 'string' && this.nfd ? value.normalize('NFD') : value;
    this.plan.cells.push({ r, c, value: v, style });
  }

  /** A text across columns c1..c2 of row r, merged. */
  line(r: number, c1: number, c2: number, text: string, style: CellStyle): void {
    this.set(r, c1, text, style);
    if (c2 > c1) this.merge(r, c1, r, c2);
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.plan.merges.push([r1, c1, r2, c2]);
  }

  width(c: number, w: number): void {
    this.plan.widths[c] = w;
  }

  /** A figure, as a number, Vietnamese text or a formula with its result, remembered for the key. */
  figure(r: number, c: number, f: Omit<Figure, 'sheet' | 'cell'>, text: NumberText | null, formula?: string): void {
    this.set(r, c, formula ? { formula, result: f.value } : text ? viNumber(f.value, text) : f.value, 'num');
    this.figures.push({ ...f, sheet: this.plan.name, cell: address(r, c) });
  }

  /** A formula that is not itself a reported figure (a total row), with its cached result. */
  formula(r: number, c: number, formula: string, result: number): void {
    this.set(r, c, { formula, result }, 'num');
  }
}

export interface NumberText { dashZero: boolean }

/** 1800 -> "1.800", 23.7 -> "23,7", 0 -> "-" where the return writes dashes for zero. */
export function viNumber(v: number, t: NumberText): string {
  if (v === 0) return t.dashZero ? '-' : '0';
  const [int = '0', frac] = Math.abs(v).toString().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${v < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** The reading of viNumber, for checks: "1.005" -> 1005, "48,8" -> 48.8, "-" -> 0. */
export function parseViNumber(s: string): number {
  const t = s.trim();
  if (t === '-' || t === '–') return 0;
  return Number(t.replace(/\./g, '').replace(',', '.'));
}
