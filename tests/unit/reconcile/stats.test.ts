/** The outlier rule's statistics: selection gives the median a sort gives, on any mix of values. */
import { describe, expect, it } from 'vitest';
import { median, spread } from '../../../main/core/reconcile/stats';

function sortedMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A small linear congruential generator: the same arrays every run. */
function numbers(seed: number, n: number, distinct: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return (x % distinct) - distinct / 4;
  });
}

describe('median', () => {
  it('agrees with sorting on odd and even lengths, repeated values, sorted and reversed input', () => {
    for (let n = 1; n <= 60; n++) {
      for (const distinct of [1, 2, 5, 1000]) {
        const xs = numbers(n * 31 + distinct, n, distinct);
        expect(median(xs), `n=${n} distinct=${distinct}`).toBe(sortedMedian(xs));
        const up = [...xs].sort((a, b) => a - b);
        expect(median(up)).toBe(sortedMedian(xs));
        expect(median([...up].reverse())).toBe(sortedMedian(xs));
      }
    }
    expect(median([])).toBeNaN();
    expect(median([2.5, -1, 7.25, 0])).toBe(1.25);
  });

  it('leaves its input as it was', () => {
    const xs = [5, 1, 4, 2, 3];
    median(xs);
    expect(xs).toEqual([5, 1, 4, 2, 3]);
  });

  it('gives the spread from the median of the deviations, floored', () => {
    // Deviations from 10: 0, 1, 1, 2, 90 -> MAD 1, floored at √10.
    expect(spread([9, 10, 11, 12, 100])).toEqual({ median: 11, mad: Math.sqrt(11) });
    expect(spread([1000, 1010, 990, 1200, 800])).toEqual({ median: 1000, mad: 150 });
  });
});
