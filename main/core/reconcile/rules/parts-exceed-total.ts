/** A "such as" list (parts ≤ total) whose listed parts add up above the stated total. */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, EPS } from '../figures';
import { partsBreaches, partTerms } from '../parts';
import type { Rule } from '../types';

// Parts missing from the return are not counted: the parts that are there already break the total.
export const partsExceedTotal: Rule = (figures, ctx) =>
  partsBreaches(figures, ctx, 'parts_exceed_total', (total, s) => s > total + EPS).map(({ hits }) => {
    const text = hits.map((h) => ({ total: figureRef(ctx, h.total), parts: partTerms(ctx, h), sum: h.sum, over: h.sum - h.total.value }));
    const key = hits[0]!.total;
    const indicators = [key.indicator, ...hits.flatMap((h) => h.parts.map((p) => p.indicator))];
    return draft('parts_exceed_total', 'error', key, indicators, hits.flatMap((h) => [h.total, ...h.parts]), message('parts_exceed_total', { hits: text, at: atRef(key) }));
  });
