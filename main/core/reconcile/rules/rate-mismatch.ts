/** A stated rate off numerator / denominator × 100 by more than rounding. */
import type { CatalogRelation } from '../../../../shared/catalog';
import { fmt, named, tail } from '../format';
import { draft, pick, slotsOf } from '../figures';
import type { Rule, RuleContext, RuleFigure } from '../types';

type RateRelation = Extract<CatalogRelation, { rule: 'rate_mismatch' }>;

/** Slack for figures computed by hand: 0.1 percentage point. */
const SLACK = 0.1;

/** Decimals the stated rate was written with (as stored), so "23,7" may be off by 0.05 from rounding. */
function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}

/** Relations from the catalog, plus indicators that carry their own `rate` definition. */
function rateRelations(ctx: RuleContext): RateRelation[] {
  const out = ctx.relations.filter((r): r is RateRelation => r.rule === 'rate_mismatch');
  for (const ind of ctx.indicators.values()) {
    if (ind.rate && !out.some((r) => r.rate === ind.code)) out.push({ rule: 'rate_mismatch', rate: ind.code, ...ind.rate });
  }
  return out;
}

function check(ctx: RuleContext, rate: RuleFigure, num: RuleFigure, den: RuleFigure): string | null {
  if (den.value === 0) return null;
  const expected = (num.value / den.value) * 100;
  const off = Math.abs(rate.value - expected);
  if (off <= SLACK + 0.5 * 10 ** -decimalsOf(rate.value) + 1e-9) return null;
  return `${named(ctx, rate)} khác tỷ lệ tính được ${named(ctx, num)} / ${named(ctx, den)} × 100 = ${fmt(expected)}%, chênh ${fmt(off)} điểm phần trăm`;
}

export const rateMismatch: Rule = (figures, ctx) => {
  const relations = rateRelations(ctx);
  if (relations.length === 0) return [];
  const out = [];
  for (const slot of slotsOf(figures)) {
    for (const rel of relations) {
      const texts: string[] = [];
      const involved: RuleFigure[] = [];
      for (const m of ['period', 'ytd'] as const) {
        const [rate, num, den] = [pick(slot, rel.rate, m), pick(slot, rel.numerator, m), pick(slot, rel.denominator, m)];
        const text = rate && num && den ? check(ctx, rate, num, den) : null;
        if (text && rate && num && den) { texts.push(text); involved.push(rate, num, den); }
      }
      const key = involved[0];
      if (key) out.push(draft('rate_mismatch', 'error', key, [rel.rate, rel.numerator, rel.denominator], involved, texts.join('; ') + tail(key)));
    }
  }
  return out;
};
