/** Year-to-date lower than an earlier month's year-to-date of the same unit and year. */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, EPS } from '../figures';
import { blamesPrevious, ytdSeries, type YtdSeries } from '../ytd';
import type { FlagDraft, Rule, RuleContext } from '../types';

/** Compares with the latest earlier month that has a year-to-date (a month may be missing). */
function check(ctx: RuleContext, s: YtdSeries, m: number): FlagDraft | null {
  const ytd = s.months.get(m)?.ytd;
  if (!ytd) return null;
  let p = m - 1;
  while (p >= 1 && !s.months.get(p)?.ytd) p--;
  const prev = p >= 1 ? s.months.get(p)?.ytd : undefined;
  if (!prev || ytd.value >= prev.value - EPS) return null;
  if (p === m - 1 && blamesPrevious(s, m)) return null;
  const own = p === m - 1 ? s.months.get(m)?.period : undefined;
  const text = message('ytd_decrease', {
    figure: figureRef(ctx, ytd), previousPeriod: prev.period, previous: prev.value, drop: prev.value - ytd.value, month: own ? own.value : null, at: atRef(ytd),
  });
  return draft('ytd_decrease', 'error', ytd, [ytd.indicator], own ? [ytd, prev, own] : [ytd, prev], text);
}

export const ytdDecrease: Rule = (figures, ctx) =>
  ytdSeries(figures, ctx).flatMap((s) => [...s.months.keys()].sort((a, b) => a - b).map((m) => check(ctx, s, m)).filter((d): d is FlagDraft => d !== null));
