/** A percentage outside 0–100 (with the rate its two flows give, where they are there). */
import { fmt, named, place, where } from '../format';
import { draft, groupBy, isActive, slotsOf } from '../figures';
import { isRate, rateParts, rateRelations } from '../rates';
import type { Rule, RuleContext, RuleFigure } from '../types';

/** "tính từ 61 / 103 là 59,22%": often shows a slipped decimal point. */
function computedNote(ctx: RuleContext, figures: RuleFigure[]): (f: RuleFigure) => string {
  const slots = new Map(slotsOf(figures).map((s) => [`${s.unit}|${s.subunit ?? ''}|${s.period}`, s]));
  const relations = rateRelations(ctx);
  return (f) => {
    const slot = slots.get(`${f.unit}|${f.subunit ?? ''}|${f.period}`);
    const rel = relations.find((r) => r.rate === f.indicator);
    const p = slot && rel ? rateParts(slot, rel, f.measure) : null;
    return p ? ` (tính từ ${fmt(p.num.value)} / ${fmt(p.den.value)} là ${fmt(p.computed)}%)` : '';
  };
}

function describe(ctx: RuleContext, f: RuleFigure, note: string): string {
  const by = f.value < 0 ? `dưới 0 là ${fmt(-f.value)}` : `vượt 100 là ${fmt(f.value - 100)}`;
  return `${named(ctx, f)} nằm ngoài khoảng 0–100%, ${by} điểm phần trăm${note}`;
}

export const rateOutOfRange: Rule = (figures, ctx) => {
  const bad = figures.filter((f) => isActive(f) && isRate(ctx, f.indicator) && (f.value < 0 || f.value > 100));
  if (bad.length === 0) return [];
  const note = computedNote(ctx, figures);
  const groups = groupBy(bad, (f) => `${f.unit}|${f.subunit ?? ''}|${f.period}|${f.indicator}`);
  return [...groups.values()].map((group) => {
    const key = group[0]!;
    const message = `${group.map((f) => describe(ctx, f, note(f))).join('; ')} — ${place(key)}, ${where(key)}`;
    return draft('rate_out_of_range', 'error', key, [key.indicator], group, message);
  });
};
