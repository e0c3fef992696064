/** Year-to-date of a flow above its yearly plan (relation plan_exceeded, normally measure 'ytd'). */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, isActive, latestBy, monthOf, pick, withDerivedYtd } from '../figures';
import { pairBreaches, type ParentFinder } from '../pairs';
import type { Rule, RuleFigure } from '../types';

/**
 * The plan in force for a unit and period: the one given beside the figure, else the unit's plan for
 * the year, else its latest plan given earlier in the year (a plan is often typed once, in January).
 */
function planFinder(figures: RuleFigure[], parents: Set<string>): ParentFinder {
  const plans = latestBy(figures.filter((f) => isActive(f) && parents.has(f.indicator)), (f) => `${f.unit}|${f.subunit ?? ''}|${f.indicator}|${f.period}`);
  return (slot, rel, measure) => {
    const own = pick(slot, rel.parent, measure) ?? pick(slot, rel.parent, measure === 'ytd' ? 'period' : 'ytd');
    if (own) return own;
    const ym = monthOf(slot.period);
    if (!ym) return undefined;
    const base = `${slot.unit}|${slot.subunit ?? ''}|${rel.parent}|`;
    const yearly = plans.get(`${base}${ym.year}`);
    if (yearly) return yearly;
    for (let m = ym.month - 1; m >= 1; m--) {
      const earlier = plans.get(`${base}${ym.year}-${String(m).padStart(2, '0')}`);
      if (earlier) return earlier;
    }
    return undefined;
  };
}

export const planExceeded: Rule = (figures, ctx) => {
  const parents = new Set(ctx.relations.flatMap((r) => (r.rule === 'plan_exceeded' ? [r.parent] : [])));
  if (parents.size === 0) return [];
  // Only the flows that have a plan need a year-to-date made from their months.
  const planned = new Set(ctx.relations.flatMap((r) => (r.rule === 'plan_exceeded' ? [r.child] : [])));
  const all = withDerivedYtd(figures, (code) => planned.has(code) && ctx.indicators.get(code)?.kind === 'flow');
  return pairBreaches(all, ctx, 'plan_exceeded', planFinder(all, parents)).map(({ relation, hits }) => {
    const text = hits.map(({ child, parent }) => ({
      actual: figureRef(ctx, child), plan: figureRef(ctx, parent), over: child.value - parent.value,
      percent: parent.value > 0 ? (child.value / parent.value) * 100 : null,
    }));
    const key = hits[0]!.child;
    return draft('plan_exceeded', 'warning', key, [relation.child, relation.parent], hits.flatMap((h) => [h.child, h.parent]), message('plan_exceeded', { hits: text, at: atRef(key) }));
  });
};
