/** Fewer participants than propaganda sessions: every session has at least one person attending. */
import { fmt, named, tail } from '../format';
import { draft } from '../figures';
import { pairBreaches } from '../pairs';
import type { Rule } from '../types';

// The relation reads child = sessions, parent = participants: sessions above participants is the breach.
export const participantsLtSessions: Rule = (figures, ctx) =>
  pairBreaches(figures, ctx, 'participants_lt_sessions').map(({ relation, hits }) => {
    const text = hits.map(({ child, parent }) => `${named(ctx, parent)} ít hơn ${named(ctx, child)}, thiếu ${fmt(child.value - parent.value)}`);
    const key = hits[0]!.parent;
    const message = `${text.join('; ')} (mỗi đợt phải có ít nhất một người tham dự)${tail(key)}`;
    return draft('participants_lt_sessions', 'error', key, [relation.parent, relation.child], hits.flatMap((h) => [h.parent, h.child]), message);
  });
