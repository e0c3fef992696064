/** The rule set, running it, and the stable ids that let a reviewer's resolution survive a re-check. */
import { groupBy } from './figures';
import { fnv1a64 } from './hash';
import { childExceedsParent } from './rules/child-exceeds-parent';
import { communeTotalMismatch } from './rules/commune-total-mismatch';
import { conflictingResubmission } from './rules/conflicting-resubmission';
import { detailSummaryMismatch } from './rules/detail-summary-mismatch';
import { missingReturn } from './rules/missing-return';
import { negativeValue } from './rules/negative-value';
import { nonIntegerCount } from './rules/non-integer-count';
import { outlier } from './rules/outlier';
import { participantsLtSessions } from './rules/participants-lt-sessions';
import { partsExceedTotal } from './rules/parts-exceed-total';
import { planExceeded } from './rules/plan-exceeded';
import { rateMismatch } from './rules/rate-mismatch';
import { rateOutOfRange } from './rules/rate-out-of-range';
import { sumMismatch } from './rules/sum-mismatch';
import { ytdDecrease } from './rules/ytd-decrease';
import { ytdMismatch } from './rules/ytd-mismatch';
import type { FlagDraft, Rule, RuleContext, RuleFigure } from './types';

export const RULES: Record<string, Rule> = {
  child_exceeds_parent: childExceedsParent,
  plan_exceeded: planExceeded,
  participants_lt_sessions: participantsLtSessions,
  parts_exceed_total: partsExceedTotal,
  sum_mismatch: sumMismatch,
  rate_out_of_range: rateOutOfRange,
  rate_mismatch: rateMismatch,
  negative_value: negativeValue,
  non_integer_count: nonIntegerCount,
  ytd_decrease: ytdDecrease,
  ytd_mismatch: ytdMismatch,
  commune_total_mismatch: communeTotalMismatch,
  detail_summary_mismatch: detailSummaryMismatch,
  outlier,
  conflicting_resubmission: conflictingResubmission,
  missing_return: missingReturn,
};

/** Rules that compare a unit with other units; every other rule looks at one unit's figures only. */
export const CROSS_UNIT_RULES = new Set(['outlier', 'missing_return']);

/**
 * Runs every rule (or those named in `only`, unknown names refused). Rules about one unit run unit
 * by unit: the same result, with small short-lived indexes instead of one over a million figures.
 */
export function runRules(figures: RuleFigure[], ctx: RuleContext, only?: string[]): FlagDraft[] {
  const names = only ?? Object.keys(RULES);
  const unknown = names.filter((n) => !(n in RULES));
  if (unknown.length > 0) throw new Error(`Không có quy tắc kiểm tra: ${unknown.join(', ')}`);
  const perUnit = names.filter((n) => !CROSS_UNIT_RULES.has(n));
  const out: FlagDraft[] = [];
  const units = ctx.onlyUnits;
  for (const [unit, unitFigures] of groupBy(figures, (f) => f.unit)) {
    if (!units || units.has(unit)) for (const n of perUnit) out.push(...RULES[n]!(unitFigures, ctx));
  }
  for (const n of names.filter((x) => CROSS_UNIT_RULES.has(x))) out.push(...RULES[n]!(figures, ctx).filter((d) => !units || units.has(d.unit)));
  return out;
}

/** The commune a flag is about, where all its figures are one commune's; '' otherwise. */
function subunitOf(d: FlagDraft): string {
  const subs = new Set(d.figures.map((f) => f.subunit ?? ''));
  return subs.size === 1 ? [...subs][0]! : '';
}

/**
 * Same rule, unit, period, indicators (and commune) -> same id, whatever the figures' values or
 * row ids, so a resolution stays attached to its flag when the figures are imported again.
 */
export function flagId(d: FlagDraft): string {
  const indicators = [...d.indicators].sort().join(',');
  return fnv1a64(['flag', d.rule, d.unit, d.period, indicators, subunitOf(d), d.key ?? ''].join('\u241f'));
}

/** Changes when any figure behind the flag changes (another figure, another value). */
export function figuresSignature(d: FlagDraft): string {
  const parts = d.figures.map((f) => `${f.id}=${f.value}`).sort();
  return fnv1a64(['figures', ...parts].join('\u241f'));
}
