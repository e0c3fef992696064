/** Faults of single cells (a negative, a fraction): one flag per unit, period and indicator. */
import type { Severity } from '../../../shared/types';
import type { AlsoRef, At, Message } from '../../../shared/messages';
import { alsoRef, atRef } from './format';
import { draft, groupBy } from './figures';
import type { FlagDraft, RuleFigure } from './types';

/** The unit's own within-period figure leads; communes and year-to-date follow it. */
function rank(f: RuleFigure): number {
  return (f.subunit === null ? 0 : 2) + (f.measure === 'period' ? 0 : 1);
}

export function cellFlags(rule: string, severity: Severity, bad: RuleFigure[], describe: (f: RuleFigure, at: At, also: AlsoRef[]) => Message): FlagDraft[] {
  const groups = groupBy(bad, (f) => `${f.unit}|${f.period}|${f.indicator}`);
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    const key = sorted[0]!;
    return draft(rule, severity, key, [key.indicator], sorted, describe(key, atRef(key), sorted.slice(1).map(alsoRef)));
  });
}
