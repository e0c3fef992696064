/**
 * The arithmetic of totals, one rule for every place that adds figures up: the exported workbook
 * (whose formulas do the same, so a spreadsheet that recalculates agrees) and the figures grid's
 * province row. A missing figure is null (an empty cell), never zero; a rate is never summed but
 * recomputed from its numerator and denominator.
 */

/**
 * ROUND(x, 1) as Excel and LibreOffice do it: half away from zero, after rounding to 15
 * significant digits so that 0.15 * 100 (14.999999999999998) still rounds up.
 */
export function round1(x: number): number {
  const scaled = Number((Math.abs(x) * 10 + 0.5).toPrecision(15));
  return (Math.sign(x) * Math.floor(scaled)) / 10;
}

/** SUM over cells, but empty where every cell is empty: a total of nothing is not a zero. */
export function sumOrNull(values: (number | null)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

/** A percentage of two figures, rounded to one decimal; empty where either is missing or the base is 0. */
export function percentOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return round1((numerator / denominator) * 100);
}
