/** Robust statistics for the outlier rule: median and the modified z-score (Iglewicz–Hoaglin). */

/** 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD comparable to a SD. */
export const MAD_SCALE = 0.6745;

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Spread { median: number; mad: number }

/**
 * Median and median absolute deviation, the MAD floored at max(1, 10% of the median): monthly
 * counts are small and often repeat, so a raw MAD of 0 would make any change "infinitely" unusual.
 * One unit is the smallest change a count can show; 10% of the median is ordinary month-to-month
 * noise for larger counts (a 1,000-visit month next to a 1,100-visit one is not news).
 */
export function spread(xs: number[]): Spread {
  const m = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - m)));
  return { median: m, mad: Math.max(mad, 1, 0.1 * Math.abs(m)) };
}

export function modifiedZ(x: number, s: Spread): number {
  return (MAD_SCALE * (x - s.median)) / s.mad;
}

/** The values whose |z| stays within `limit`: median ± limit·MAD/0.6745. */
export function range(s: Spread, limit: number): { low: number; high: number } {
  const half = (limit * s.mad) / MAD_SCALE;
  return { low: s.median - half, high: s.median + half };
}
