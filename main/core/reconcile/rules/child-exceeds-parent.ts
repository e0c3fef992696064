/** A "trong đó" figure above the figure it is part of (catalog relations child_exceeds_parent). */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft } from '../figures';
import { pairBreaches } from '../pairs';
import type { Rule } from '../types';

export const childExceedsParent: Rule = (figures, ctx) =>
  pairBreaches(figures, ctx, 'child_exceeds_parent').map(({ relation, hits }) => {
    const text = hits.map(({ child, parent }) => ({ child: figureRef(ctx, child), parent: figureRef(ctx, parent), diff: child.value - parent.value }));
    const key = hits[0]!.child;
    return draft('child_exceeds_parent', 'error', key, [relation.child, relation.parent], hits.flatMap((h) => [h.child, h.parent]), message('child_exceeds_parent', { hits: text, at: atRef(key) }));
  });
