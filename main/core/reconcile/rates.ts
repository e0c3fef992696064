/** Rates: which indicators are rates, how they are computed, and the figures to compute them from. */
import type { CatalogRelation } from '../../../shared/catalog';
import { pick, type Slot } from './figures';
import type { RuleContext, RuleFigure } from './types';

export type RateRelation = Extract<CatalogRelation, { rule: 'rate_mismatch' }>;

export function isRate(ctx: RuleContext, code: string): boolean {
  const ind = ctx.indicators.get(code);
  return ind?.kind === 'rate' || ind?.rate !== undefined;
}

/** Relations from the catalog, plus indicators that carry their own `rate` definition. */
export function rateRelations(ctx: RuleContext): RateRelation[] {
  const out = ctx.relations.filter((r): r is RateRelation => r.rule === 'rate_mismatch');
  for (const ind of ctx.indicators.values()) {
    if (ind.rate && !out.some((r) => r.rate === ind.code)) out.push({ rule: 'rate_mismatch', rate: ind.code, ...ind.rate });
  }
  return out;
}

export interface RateParts { rate: RuleFigure; num: RuleFigure; den: RuleFigure; computed: number }

/** The stated rate of a slot beside its numerator and denominator (same measure); null without them or with 0 below. */
export function rateParts(slot: Slot, rel: RateRelation, measure: 'period' | 'ytd'): RateParts | null {
  const rate = pick(slot, rel.rate, measure);
  const num = pick(slot, rel.numerator, measure);
  const den = pick(slot, rel.denominator, measure);
  if (!rate || !num || !den || den.value === 0) return null;
  return { rate, num, den, computed: (num.value / den.value) * 100 };
}
