/** A percentage outside 0–100 (with the rate its two flows give, where they are there). */
import { message, type MessageParams } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, groupBy, isActive, slotsOf } from '../figures';
import { isRate, rateParts, rateRelations } from '../rates';
import type { Rule, RuleContext, RuleFigure } from '../types';

/** "tính từ 61 / 103 là 59,22%": often shows a slipped decimal point. */
type Computed = MessageParams['rate_out_of_range']['hits'][number]['computed'];

function computedNote(ctx: RuleContext, figures: RuleFigure[]): (f: RuleFigure) => Computed {
  const slots = new Map(slotsOf(figures).map((s) => [`${s.unit}|${s.subunit ?? ''}|${s.period}`, s]));
  const relations = rateRelations(ctx);
  return (f) => {
    const slot = slots.get(`${f.unit}|${f.subunit ?? ''}|${f.period}`);
    const rel = relations.find((r) => r.rate === f.indicator);
    const p = slot && rel ? rateParts(slot, rel, f.measure) : null;
    return p ? { numerator: p.num.value, denominator: p.den.value, rate: p.computed } : null;
  };
}

function describe(ctx: RuleContext, f: RuleFigure, computed: Computed): MessageParams['rate_out_of_range']['hits'][number] {
  return { rate: figureRef(ctx, f), below: f.value < 0 ? -f.value : null, above: f.value < 0 ? null : f.value - 100, computed };
}

export const rateOutOfRange: Rule = (figures, ctx) => {
  const bad = figures.filter((f) => isActive(f) && isRate(ctx, f.indicator) && (f.value < 0 || f.value > 100));
  if (bad.length === 0) return [];
  const note = computedNote(ctx, figures);
  const groups = groupBy(bad, (f) => `${f.unit}|${f.subunit ?? ''}|${f.period}|${f.indicator}`);
  return [...groups.values()].map((group) => {
    const key = group[0]!;
    return draft('rate_out_of_range', 'error', key, [key.indicator], group, message('rate_out_of_range', { hits: group.map((f) => describe(ctx, f, note(f))), at: atRef(key) }));
  });
};
