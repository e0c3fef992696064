/** A stated rate off numerator / denominator × 100 by more than rounding. */
import { message, type MessageParams } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, slotsOf } from '../figures';
import { rateParts, rateRelations, type RateParts } from '../rates';
import type { FlagDraft, Rule, RuleContext, RuleFigure } from '../types';

/** Slack for rates worked out by hand or from rounded figures: 0.1 percentage point. */
const SLACK = 0.1;

/** Decimals the stated rate was written with (as stored), so "23,7" may be off by 0.05 from rounding. */
function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, s.length - dot - 1);
}

function check(ctx: RuleContext, p: RateParts): MessageParams['rate_mismatch']['hits'][number] | null {
  // A rate outside 0–100 is rate_out_of_range's flag, which gives the computed rate too.
  if (p.rate.value < 0 || p.rate.value > 100) return null;
  const off = Math.abs(p.rate.value - p.computed);
  if (off <= SLACK + 0.5 * 10 ** -decimalsOf(p.rate.value) + 1e-9) return null;
  return { rate: figureRef(ctx, p.rate), numerator: figureRef(ctx, p.num), denominator: figureRef(ctx, p.den), computed: p.computed, off };
}

export const rateMismatch: Rule = (figures, ctx) => {
  const relations = rateRelations(ctx);
  if (relations.length === 0) return [];
  const out: FlagDraft[] = [];
  for (const slot of slotsOf(figures)) {
    for (const rel of relations) {
      const texts: MessageParams['rate_mismatch']['hits'] = [];
      const involved: RuleFigure[] = [];
      for (const m of ['period', 'ytd'] as const) {
        const p = rateParts(slot, rel, m);
        const text = p && check(ctx, p);
        if (p && text) { texts.push(text); involved.push(p.rate, p.num, p.den); }
      }
      const key = involved[0];
      if (key) out.push(draft('rate_mismatch', 'error', key, [rel.rate, rel.numerator, rel.denominator], involved, message('rate_mismatch', { hits: texts, at: atRef(key) })));
    }
  }
  return out;
};
