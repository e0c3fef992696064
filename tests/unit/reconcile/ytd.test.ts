/** Year-to-date rules: a fall, and a sum that does not carry over. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../main/core/reconcile/run-rules';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { fig, makeContext } from './fixtures';

const ctx = makeContext();

/** One unit's DD_THUNHAN: [within the month, year-to-date] for months 1, 2, 3... */
function months(pairs: [number, number][]): RuleFigure[] {
  return pairs.flatMap(([own, ytd], i) => {
    const period = `2023-0${i + 1}`;
    const file = `BC_T0${i + 1}.xlsx`;
    return [fig({ indicator: 'DD_THUNHAN', period, file, value: own, cell: 'D14' }), fig({ indicator: 'DD_THUNHAN', period, file, value: ytd, measure: 'ytd', cell: 'E14' })];
  });
}

describe('ytd_decrease', () => {
  it('flags a year-to-date below last month\'s', () => {
    const flags = runRules(months([[1455, 1455], [1550, 3005], [1586, 1505], [1487, 4078]]), ctx, ['ytd_decrease']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'ytd_decrease', severity: 'error', period: '2023-03', periods: ['2023-02', '2023-03'], indicators: ['DD_THUNHAN'] });
    expect(flags[0]!.message).toContain('lũy kế (1.505) nhỏ hơn lũy kế tháng 2/2023 (3.005), giảm 1.500');
    expect(flags[0]!.message).toContain('tệp BC_T03.xlsx');
  });

  it('is quiet on a rising year-to-date, and blames a wrong month, not the one after it', () => {
    expect(runRules(months([[1455, 1455], [1550, 3005], [1586, 4591]]), ctx, ['ytd_decrease'])).toEqual([]);
    // February's year-to-date is 1,000 too high; March is right again: no "decrease" in March.
    expect(runRules(months([[1455, 1455], [1550, 4005], [1586, 4591]]), ctx, ['ytd_decrease'])).toEqual([]);
  });
});

describe('ytd_mismatch', () => {
  it('flags a year-to-date that is not last month\'s plus this month\'s, once', () => {
    const flags = runRules(months([[1455, 1455], [1550, 4005], [1586, 4591]]), ctx, ['ytd_mismatch']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'ytd_mismatch', period: '2023-02', indicators: ['DD_THUNHAN'] });
    expect(flags[0]!.message).toContain('lũy kế (4.005) khác lũy kế tháng trước 1.455 + trong tháng 1.550 = 3.005, chênh 1.000');
  });

  it('checks January against its own month, and is quiet on consistent figures or a missing month', () => {
    expect(runRules(months([[1455, 1456]]), ctx, ['ytd_mismatch'])[0]!.message).toContain('khác số trong tháng 1 (1.455)');
    expect(runRules(months([[1455, 1455], [1550, 3005], [1586, 4591]]), ctx, ['ytd_mismatch'])).toEqual([]);
    const noFeb = months([[1455, 1455], [1550, 3005], [1586, 9999]]).filter((f) => f.period !== '2023-02');
    expect(runRules(noFeb, ctx, ['ytd_mismatch'])).toEqual([]);
  });
});
