/** A unit expected in a month (valid on some day of it) with no figure at all for that month. */
import { message } from '../../../../shared/messages';
import { flagText, monthOf } from '../figures';
import type { ExpectedUnit, FlagDraft, Rule } from '../types';

/** Dates are ISO "YYYY-MM-DD", so comparing text compares dates; "-31" ends every month. */
function validIn(u: ExpectedUnit, month: string): boolean {
  return u.validFrom <= `${month}-31` && (u.validTo === null || u.validTo >= `${month}-01`);
}

export const missingReturn: Rule = (figures, ctx) => {
  // Any file counts, superseded or not: a return was received. A wide sheet's month columns
  // carry monthly periods, so they count for their months.
  const seen = new Map<string, Set<string>>();
  for (const f of figures) (seen.get(f.unit) ?? seen.set(f.unit, new Set()).get(f.unit)!).add(f.period);
  const out: FlagDraft[] = [];
  for (const month of ctx.periodsExpected.filter((p) => monthOf(p) !== null)) {
    for (const u of ctx.expectedUnits) {
      if ((ctx.onlyUnits && !ctx.onlyUnits.has(u.code)) || !validIn(u, month) || seen.get(u.code)?.has(month)) continue;
      out.push({
        rule: 'missing_return', severity: 'info', unit: u.code, period: month, periods: [month], indicators: [], figures: [],
        ...flagText(message('missing_return', { period: month, unitName: u.name })),
      });
    }
  }
  return out;
};
