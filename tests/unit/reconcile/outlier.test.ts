/** Outliers: a typed extra zero against the unit's own months and its peers. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../main/core/reconcile/run-rules';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { makeContext, monthly } from './fixtures';

const ctx = makeContext();

/** Five peers with ordinary weapon counts, and unit 421 with `own` month by month. */
function weapons(own: number[]): RuleFigure[] {
  const peers = [[9, 6, 7, 8, 5, 7], [7, 12, 9, 12, 8, 12], [5, 12, 9, 10, 8, 9], [18, 16, 15, 11, 14, 12], [16, 22, 10, 27, 14, 15]];
  return [...peers.flatMap((v, i) => monthly(String(430 + i), 'VK_SUNG', v)), ...monthly('421', 'VK_SUNG', own, { unitName: 'Huyện Quỳnh Lưu' })];
}

describe('outlier', () => {
  it('flags a typed extra zero, with the expected range', () => {
    const flags = runRules(weapons([18, 19, 15, 3300, 22, 19]), ctx, ['outlier']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'outlier', severity: 'warning', unit: '421', period: '2023-04', indicators: ['VK_SUNG'] });
    // Own history 18, 19, 15, 22, 19: median 19, MAD 1 floored at √19; the low end is floored at 0.
    expect(flags[0]!.expected!.low).toBe(0);
    expect(flags[0]!.expected!.high).toBeCloseTo(19 + (3.5 * Math.sqrt(19)) / 0.6745, 1);
    expect(flags[0]!.message).toContain('Súng các loại (3.300) bất thường');
    expect(flags[0]!.message).toContain('Huyện Quỳnh Lưu, tháng 4/2023');
    expect(flags[0]!.message).toContain('gấp 173,68 lần trung vị, chênh 3.281');
  });

  it('is quiet on natural swings, on small counts, and on a unit that is simply bigger than its peers', () => {
    expect(runRules(weapons([18, 19, 15, 30, 22, 19]), ctx, ['outlier'])).toEqual([]);
    expect(runRules(weapons([0, 0, 0, 9, 0, 0]), ctx, ['outlier'])).toEqual([]);
    expect(runRules(weapons([180, 190, 150, 170, 220, 190]), ctx, ['outlier'])).toEqual([]);
  });

  it('compares occasional events with the usual size of an event, and leaves plans alone', () => {
    expect(runRules(weapons([0, 32, 0, 0, 49, 0]), ctx, ['outlier'])).toEqual([]);
    const seizures = [0, 1, 2, 3, 4].flatMap((i) => monthly(String(430 + i), 'CN_NGHIEN', [0, 30 + i, 0, 0, 0, 28]));
    expect(runRules([...seizures, ...monthly('421', 'CN_NGHIEN', [25, 0, 0, 0, 0, 29])], ctx, ['outlier'])).toEqual([]);
    const plans = [0, 1, 2, 3, 4].flatMap((i) => monthly(String(430 + i), 'NHA_KH', [200, 200, 200, 200, 200, 200]));
    expect(runRules([...plans, ...monthly('421', 'NHA_KH', [200, 200, 2000, 200, 200, 200])], ctx, ['outlier'])).toEqual([]);
  });
});
