/** The rules on the figures of the 106 sample returns: every planted inconsistency, little else. */
import { beforeAll, describe, expect, it } from 'vitest';
import { flagId, runRules } from '../../../main/core/reconcile/run-rules';
import type { FlagDraft } from '../../../main/core/reconcile/types';
import { answerKey } from '../../helpers/samples';
import { makeContext } from './fixtures';
import { detailTotals, keyFigures } from './sample-figures';

const monthOf = (d: FlagDraft) => Number(d.period.slice(5, 7));

describe('rules on the sample returns 2023', () => {
  const key = answerKey();
  const units = Object.entries(key.units).map(([code, name]) => ({ code, name, validFrom: '2023-01-01', validTo: null }));
  const ctx = makeContext(units, ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
  let flags: FlagDraft[] = [];

  beforeAll(async () => {
    const figures = keyFigures(key);
    // The key has no total rows of the detail sheets: the store keeps them (role 'total'), so read them.
    const totals = await detailTotals(figures.filter((f) => f.role === 'subunit'));
    flags = runRules([...figures, ...totals], ctx);
  });

  it('flags every planted inconsistency with its rule, unit, month and indicators', () => {
    const counts: Record<string, number> = {};
    for (const f of flags) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    console.log('flags per rule on the samples:', counts, 'total', flags.length);
    if (process.env.SHOW_FLAGS) console.log(flags.map((f) => `${f.rule} [${f.severity}] ${f.unit} ${f.period} ${f.indicators.join(',')}: ${f.message}`).join('\n'));
    const missed = key.issues.filter((issue) => !flags.some((f) => f.rule === issue.rule && f.unit === issue.unit
      && f.period.startsWith(String(issue.year)) && monthOf(f) === issue.month
      && [...f.indicators].sort().join() === [...issue.indicators].sort().join()));
    expect(missed).toEqual([]);
  });

  // A flag is inside when one of the months whose figures it cites is planted for its unit: a
  // planted change to March's figures also breaks April's year-to-date chain, which cites March's.
  it('raises few flags beyond the planted ones (at most 5%)', () => {
    const planted = new Set(key.issues.map((i) => `${i.unit}|${i.year}-${String(i.month).padStart(2, '0')}`));
    const outside = flags.filter((f) => !f.periods.some((p) => planted.has(`${f.unit}|${p}`)));
    const strict = flags.filter((f) => !planted.has(`${f.unit}|${f.period}`));
    const show = (fs: FlagDraft[]) => fs.map((f) => `${f.rule} ${f.unit} ${f.periods.join('+')}: ${f.message}`);
    console.log(`outside the planted pairs: ${outside.length} of ${flags.length}`, show(outside));
    console.log(`whose own period is not planted (cascades included): ${strict.length}`, show(strict));
    expect(outside.length).toBeLessThanOrEqual(Math.floor(flags.length * 0.05));
  });

  it('gives each flag its own id', () => {
    expect(new Set(flags.map(flagId)).size).toBe(flags.length);
  });
});
