/** A fraction in a count (an indicator that is neither `decimals` nor a rate). */
import { message } from '../../../../shared/messages';
import { figureRef } from '../format';
import { isActive } from '../figures';
import { cellFlags } from '../cells';
import type { Rule, RuleContext, RuleFigure } from '../types';

// Figures are parsed from text, so a true integer may carry float noise (e.g. 3.0000000001).
const NOISE = 1e-9;

function isCount(ctx: RuleContext, code: string): boolean {
  const ind = ctx.indicators.get(code);
  return ind !== undefined && !ind.decimals && ind.kind !== 'rate' && ind.rate === undefined;
}

function fractional(f: RuleFigure): boolean {
  return Math.abs(f.value - Math.round(f.value)) > NOISE;
}

export const nonIntegerCount: Rule = (figures, ctx) =>
  cellFlags('non_integer_count', 'warning', figures.filter((f) => isActive(f) && isCount(ctx, f.indicator) && fractional(f)), (f, at, also) => {
    const unit = ctx.indicators.get(f.indicator)?.unit ?? '';
    const part = Math.abs(f.value - Math.trunc(f.value));
    return message('non_integer_count', { figure: figureRef(ctx, f), fraction: part, countUnit: unit, at, also });
  });
