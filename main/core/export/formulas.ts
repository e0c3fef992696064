/**
 * The formulas of the table, each with its cached result: the app's own figure, computed in
 * numbers.ts the same way. The guards keep a missing figure an empty cell rather than a 0 or an
 * error: COUNT(...) = 0 leaves a total of empty cells empty, and a rate or a change needs both of
 * its cells and a base that is not 0.
 */
import type { CellFormulaValue } from 'exceljs';

export type CellContent =
  | { kind: 'empty' }
  | { kind: 'value'; value: number }
  | { kind: 'formula'; formula: string; result: number | null };

export const EMPTY_CELL: CellContent = { kind: 'empty' };

export function valueCell(value: number | null): CellContent {
  return value === null ? EMPTY_CELL : { kind: 'value', value };
}

/** "Toàn tỉnh" and "Cộng": the sum of a row's part cells. */
export function sumFormula(range: string, result: number | null): CellContent {
  return { kind: 'formula', formula: `IF(COUNT(${range})=0,"",SUM(${range}))`, result };
}

/** A rate from its numerator's and denominator's cells: never a sum of rates. */
export function percentFormula(numerator: string, denominator: string, result: number | null): CellContent {
  return { kind: 'formula', formula: `IF(COUNT(${numerator},${denominator})<2,"",IF(${denominator}=0,"",ROUND(${numerator}/${denominator}*100,1)))`, result };
}

/** A stock's total (its latest month) or year-to-date (its total): the cell itself, empty where it is empty. */
export function refFormula(ref: string, result: number | null): CellContent {
  return { kind: 'formula', formula: `IF(COUNT(${ref})=0,"",${ref})`, result };
}

/** What exceljs writes: a formula keeps its cached result ("" for an empty one), so a reader that does not recalculate still sees the figure. */
export function toExcel(c: CellContent): number | CellFormulaValue | null {
  if (c.kind === 'empty') return null;
  if (c.kind === 'value') return c.value;
  return { formula: c.formula, result: c.result ?? '' };
}
