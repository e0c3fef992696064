/** Fewer participants than propaganda sessions: every session has at least one person attending. */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft } from '../figures';
import { pairBreaches } from '../pairs';
import type { Rule } from '../types';

// The relation reads child = sessions, parent = participants: sessions above participants is the breach.
export const participantsLtSessions: Rule = (figures, ctx) =>
  pairBreaches(figures, ctx, 'participants_lt_sessions').map(({ relation, hits }) => {
    const text = hits.map(({ child, parent }) => ({ participants: figureRef(ctx, parent), sessions: figureRef(ctx, child), short: child.value - parent.value }));
    const key = hits[0]!.parent;
    return draft('participants_lt_sessions', 'error', key, [relation.parent, relation.child], hits.flatMap((h) => [h.parent, h.child]), message('participants_lt_sessions', { hits: text, at: atRef(key) }));
  });
