/** Faults of single cells: negatives and fractions in counts. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../main/core/reconcile/run-rules';
import { fig, makeContext } from './fixtures';

const ctx = makeContext();

describe('negative_value', () => {
  it('flags a negative figure, gathering the commune with the same fault into one flag', () => {
    const flags = runRules([
      fig({ indicator: 'LL_GIUPDO', value: -1250, cell: 'D27' }),
      fig({ indicator: 'LL_GIUPDO', value: -3, subunit: 'Xã Tường Sơn', sheet: 'Chi tiết theo xã', cell: 'H9' }),
      fig({ indicator: 'LL_GIUPDO', value: 6626, measure: 'ytd' }),
    ], ctx, ['negative_value']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'negative_value', severity: 'error', unit: '424', period: '2023-02', indicators: ['LL_GIUPDO'] });
    expect(flags[0]!.figures).toHaveLength(2);
    expect(flags[0]!.message).toContain('Số người lầm lỗi được quản lý, giáo dục, giúp đỡ tại cộng đồng (-1.250) là số âm');
    expect(flags[0]!.message).toContain('ô D27');
    expect(flags[0]!.message).toContain('Xã Tường Sơn: -3');
  });

  it('is quiet on zero and on a superseded file', () => {
    expect(runRules([fig({ indicator: 'LL_GIUPDO', value: 0 }), fig({ indicator: 'LL_GIUPDO', value: -5, superseded: true })], ctx, ['negative_value'])).toEqual([]);
  });
});

describe('non_integer_count', () => {
  it('flags a fraction in a count', () => {
    const flags = runRules([fig({ indicator: 'CN_NGHIEN', value: 6505.5, cell: 'D30' })], ctx, ['non_integer_count']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'non_integer_count', severity: 'warning', indicators: ['CN_NGHIEN'] });
    expect(flags[0]!.message).toContain('Số người nghiện được cai nghiện tại cộng đồng (6.505,5) có phần lẻ 0,5');
  });

  it('is quiet on hectares, rates and float noise', () => {
    const figures = [fig({ indicator: 'TP_DIENTICH', value: 23.7 }), fig({ indicator: 'DVC_TYLE', value: 31.79 }), fig({ indicator: 'CN_NGHIEN', value: 0.1 + 0.2 - 0.3 + 12 })];
    expect(runRules(figures, ctx, ['non_integer_count'])).toEqual([]);
  });
});
