/** Robust statistics for the outlier rule: median and the modified z-score (Iglewicz–Hoaglin). */

/** 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to a SD. */
export const MAD_SCALE = 0.6745;

export function median(xs: number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  // Selection, not sorting: a peer group of 3,321 communes takes a few passes instead of a sort.
  const a = Float64Array.from(xs);
  const mid = n >> 1;
  const upper = select(a, mid);
  if (n % 2) return upper;
  // Everything left of `mid` is now at most a[mid]: the lower middle is the largest of them.
  let lower = a[0]!;
  for (let i = 1; i < mid; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** The k-th smallest of `a`, rearranging it so that smaller ones come before (Wirth's selection). */
function select(a: Float64Array, k: number): number {
  let l = 0;
  let m = a.length - 1;
  while (l < m) {
    const x = a[k]!;
    let i = l;
    let j = m;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) m = j;
  }
  return a[k]!;
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
