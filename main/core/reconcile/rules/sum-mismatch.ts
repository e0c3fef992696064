/** An exact total (e.g. VK_TONG) that is not the sum of its parts, where every part is given. */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, EPS } from '../figures';
import { partsBreaches, partTerms } from '../parts';
import type { Rule } from '../types';

// Only with every part present: a part left blank may be unreported rather than zero.
const breaks = (total: number, s: number, found: number, expected: number) =>
  found === expected && Math.abs(total - s) > EPS * Math.max(1, Math.abs(total));

export const sumMismatch: Rule = (figures, ctx) =>
  partsBreaches(figures, ctx, 'sum_mismatch', breaks).map(({ relation, hits }) => {
    const text = hits.map((h) => ({ total: figureRef(ctx, h.total), parts: partTerms(ctx, h), sum: h.sum, diff: Math.abs(h.total.value - h.sum) }));
    const key = hits[0]!.total;
    return draft('sum_mismatch', 'error', key, [relation.total, ...relation.parts], hits.flatMap((h) => [h.total, ...h.parts]), message('sum_mismatch', { hits: text, at: atRef(key) }));
  });
