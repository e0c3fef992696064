/** Year-to-date ≠ last month's year-to-date + this month's figure (January: ≠ this month's). */
import { message } from '../../../../shared/messages';
import { atRef, figureRef } from '../format';
import { draft, EPS } from '../figures';
import { blamesPrevious, chainBroken, ytdSeries, type YtdSeries } from '../ytd';
import type { FlagDraft, Rule, RuleContext, RuleFigure } from '../types';

function flagAt(ctx: RuleContext, s: YtdSeries, m: number): FlagDraft {
  const ytd = s.months.get(m)!.ytd!;
  const own = s.months.get(m)!.period!;
  const prev = m > 1 ? s.months.get(m - 1)?.ytd : undefined;
  const expected = own.value + (prev?.value ?? 0);
  const involved: RuleFigure[] = prev ? [ytd, prev, own] : [ytd, own];
  const text = message('ytd_mismatch', { figure: figureRef(ctx, ytd), previous: prev ? prev.value : null, month: own.value, expected, diff: Math.abs(ytd.value - expected), at: atRef(ytd) });
  return draft('ytd_mismatch', 'error', ytd, [ytd.indicator], involved, text);
}

/** A fall from last month is ytd_decrease's flag (its message gives the expected sum too): one cell, one flag. */
function decreased(s: YtdSeries, m: number): boolean {
  const prev = s.months.get(m - 1)?.ytd;
  const ytd = s.months.get(m)?.ytd;
  return prev !== undefined && ytd !== undefined && ytd.value < prev.value - EPS;
}

export const ytdMismatch: Rule = (figures, ctx) => {
  const out: FlagDraft[] = [];
  for (const s of ytdSeries(figures, ctx)) {
    for (const m of [...s.months.keys()].sort((a, b) => a - b)) {
      if (chainBroken(s, m) && !blamesPrevious(s, m) && !decreased(s, m)) out.push(flagAt(ctx, s, m));
    }
  }
  return out;
};
