/** Robust statistics for the outlier rule: median and the modified z-score (Iglewicz–Hoaglin). */

/** 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to a SD. */
export const MAD_SCALE = 0.6745;

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  // A typed array sorts numerically, natively: several times faster than a comparator over thousands of peers.
  const s = Float64Array.from(xs).sort();
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const RELATIVE_FLOOR = 0.15;

export interface Spread { median: number; mad: number }

/**
 * Median and median absolute deviation, the MAD floored at max(1, √median, 15% of the median),
 * because a handful of months says little about spread:
 * - 1: the smallest change a count can show (a raw MAD of 0 would make any change "infinite");
 * - √median: counts vary at least like Poisson counts (SD = √mean); real monthly counts vary more,
 *   so we take the MAD itself, not 0.6745·√median, as the floor (15 one month, 27 the next is noise);
 * - 15% of the median: with a floor f·median, |z| > 3.5 needs x beyond median·(1 ± 5.19·f), so
 *   f = 0.15 lets swings up to ±78% pass (campaign months, Tết) while a digit typed twice (×10) or
 *   lost (÷10, which needs f < 0.17) is still caught.
 */
export function spread(xs: number[]): Spread {
  const m = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - m)));
  return { median: m, mad: Math.max(mad, 1, Math.sqrt(Math.abs(m)), RELATIVE_FLOOR * Math.abs(m)) };
}

export function modifiedZ(x: number, s: Spread): number {
  return (MAD_SCALE * (x - s.median)) / s.mad;
}

/** The values whose |z| stays within `limit`: median ± limit·MAD/0.6745. */
export function range(s: Spread, limit: number): { low: number; high: number } {
  const half = (limit * s.mad) / MAD_SCALE;
  return { low: s.median - half, high: s.median + half };
}
