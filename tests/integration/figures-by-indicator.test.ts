/**
 * Xu hướng asks the store for one indicator's figures (a rate's numerator and denominator with it)
 * and the open flags on it, not the whole store: the filters answer exactly what a filter in the
 * renderer would have kept, and the lines and flagged points drawn from them are the ones drawn
 * from everything. On the imported samples; both engines.
 */
import { describe, expect, it } from 'vitest';
import { schemas } from '../../shared/api';
import type { Flag } from '../../shared/types';
import { trendIndicators, trendLines } from '../../renderer/features/trend/series';
import { useStoredSamples } from '../helpers/stored-samples';

const ids = (flags: Flag[]) => flags.map((f) => f.id).sort();

describe('figures and flags of a few indicators', () => {
  const stored = useStoredSamples();

  it('listFigures gives exactly the figures of the indicators asked for, in the same order', async () => {
    const { core } = stored;
    const all = await core.listFigures({});
    const rate = (await core.listIndicators({})).find((i) => i.rate && all.some((f) => f.indicator === i.code))!;
    expect(rate).toBeDefined();
    const asked = [trendIndicators(rate), ['LL_GIUPDO'], ['KHONG_CO_MA_NAY']];
    for (const indicators of asked) {
      const some = await core.listFigures({ indicators });
      expect(some).toEqual(all.filter((f) => indicators.includes(f.indicator)));
      if (indicators.length > 1) expect(new Set(some.map((f) => f.indicator))).toEqual(new Set(indicators));
    }
    // With the other filters, as they were.
    const unit = all[0]!.unit;
    expect(await core.listFigures({ unit, effective: true, indicators: ['LL_GIUPDO'] }))
      .toEqual((await core.listFigures({ unit, effective: true })).filter((f) => f.indicator === 'LL_GIUPDO'));
    expect((await core.listFigures({ indicators: ['LL_GIUPDO'] })).length).toBeLessThan(all.length / 10);
  });

  it('listFlags and countFlags keep the flags naming the indicator, every flag on one of its figures among them', async () => {
    const { core } = stored;
    const open = await core.listFlags({ status: 'open' });
    const named = [...new Set(open.flatMap((f) => f.figures.map((g) => g.indicator)).filter(Boolean))];
    expect(named.length).toBeGreaterThan(3);
    for (const code of named) {
      const some = await core.listFlags({ status: 'open', indicators: [code] });
      expect(ids(some)).toEqual(ids(open.filter((f) => f.indicators.includes(code))));
      for (const f of open) if (f.figures.some((g) => g.indicator === code)) expect(some.map((s) => s.id)).toContain(f.id);
      expect((await core.countFlags({ status: 'open', indicators: [code] })).open).toBe(some.length);
    }
  });

  it('the trend drawn from them is the one drawn from everything, for every indicator, measure and a few units', async () => {
    const { core } = stored;
    const [all, open, indicators] = await Promise.all([core.listFigures({}), core.listFlags({ status: 'open' }), core.listIndicators({})]);
    const flagged = open.filter((f) => f.figures.length > 0)[0]!;
    const choices = [[], [flagged.unit], [...new Set(all.map((f) => f.unit))].slice(0, 3)];
    let points = 0;
    for (const ind of indicators) {
      const needed = trendIndicators(ind);
      const [figures, flags] = await Promise.all([core.listFigures({ indicators: needed }), core.listFlags({ status: 'open', indicators: [ind.code] })]);
      for (const measure of ['period', 'ytd'] as const) {
        for (const units of choices) {
          const drawn = trendLines(figures, flags, ind, measure, units);
          expect(drawn).toEqual(trendLines(all, open, ind, measure, units));
          points += drawn.lines.reduce((n, l) => n + l.flags.filter(Boolean).length, 0);
        }
      }
    }
    // Flagged points were compared, not only empty lines.
    expect(points).toBeGreaterThan(0);
  });

  it('the contract takes up to three indicators, none empty', () => {
    expect(schemas.listFigures.safeParse({ indicators: ['A', 'B', 'C'] }).success).toBe(true);
    expect(schemas.listFigures.safeParse({ indicators: ['A', 'B', 'C', 'D'] }).success).toBe(false);
    expect(schemas.listFigures.safeParse({ indicators: [] }).success).toBe(false);
    expect(schemas.listFlags.safeParse({ indicators: ['A', 'B', 'C', 'D'] }).success).toBe(false);
  });
});
