/** A percentage outside 0–100. */
import { fmt, named, place, where } from '../format';
import { draft, groupBy, isActive } from '../figures';
import type { Rule, RuleContext, RuleFigure } from '../types';

function isRate(ctx: RuleContext, code: string): boolean {
  const ind = ctx.indicators.get(code);
  return ind?.kind === 'rate' || ind?.rate !== undefined;
}

function describe(ctx: RuleContext, f: RuleFigure): string {
  const by = f.value < 0 ? `dưới 0 là ${fmt(-f.value)}` : `vượt 100 là ${fmt(f.value - 100)}`;
  return `${named(ctx, f)} nằm ngoài khoảng 0–100%, ${by} điểm phần trăm`;
}

export const rateOutOfRange: Rule = (figures, ctx) => {
  const bad = figures.filter((f) => isActive(f) && isRate(ctx, f.indicator) && (f.value < 0 || f.value > 100));
  const groups = groupBy(bad, (f) => `${f.unit}|${f.subunit ?? ''}|${f.period}|${f.indicator}`);
  return [...groups.values()].map((group) => {
    const key = group[0]!;
    const message = `${group.map((f) => describe(ctx, f)).join('; ')} — ${place(key)}, ${where(key)}`;
    return draft('rate_out_of_range', 'error', key, [key.indicator], group, message);
  });
};
