/** An exact total (e.g. VK_TONG) that is not the sum of its parts, where every part is given. */
import { fmt, named, tail } from '../format';
import { draft, EPS } from '../figures';
import { partsBreaches, partsText } from '../parts';
import type { Rule } from '../types';

// Only with every part present: a part left blank may be unreported rather than zero.
const breaks = (total: number, s: number, found: number, expected: number) =>
  found === expected && Math.abs(total - s) > EPS * Math.max(1, Math.abs(total));

export const sumMismatch: Rule = (figures, ctx) =>
  partsBreaches(figures, ctx, 'sum_mismatch', breaks).map(({ relation, hits }) => {
    const text = hits.map((h) => `${named(ctx, h.total)} khác tổng các thành phần (${partsText(ctx, h)}), chênh ${fmt(Math.abs(h.total.value - h.sum))}`);
    const key = hits[0]!.total;
    return draft('sum_mismatch', 'error', key, [relation.total, ...relation.parts], hits.flatMap((h) => [h.total, ...h.parts]), text.join('; ') + tail(key));
  });
