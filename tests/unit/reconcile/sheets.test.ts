/** Detail sheets: commune rows against their total row, total rows against the summary sheet. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../main/core/reconcile/run-rules';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { fig, makeContext } from './fixtures';

const ctx = makeContext();
const DETAIL = 'Chi tiết theo xã';

function communes(values: number[]): RuleFigure[] {
  return values.map((value, i) => fig({ indicator: 'VK_SUNG', value, subunit: `Xã ${i + 1}`, sheet: DETAIL, cell: `K${i + 4}` }));
}
const totalRow = (value: number) => fig({ indicator: 'VK_SUNG', value, role: 'total', sheet: DETAIL, cell: 'K23' });
const summary = (value: number) => fig({ indicator: 'VK_SUNG', value, sheet: 'Tổng hợp', cell: 'D35' });

describe('commune_total_mismatch', () => {
  it('flags commune rows not adding up to the sheet\'s total row', () => {
    const flags = runRules([...communes([1200, 300, 11]), totalRow(1515), summary(1511)], ctx, ['commune_total_mismatch']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'commune_total_mismatch', severity: 'error', unit: '424', period: '2023-02', indicators: ['VK_SUNG'] });
    expect(flags[0]!.message).toContain('Tổng 3 đơn vị cấp xã của Súng các loại (1.511) khác dòng tổng cộng (1.515');
    expect(flags[0]!.message).toContain('ô K23), chênh 4 — Huyện Anh Sơn, tháng 2/2023');
  });

  it('compares with the unit\'s figure where the sheet has no total row', () => {
    const flags = runRules([...communes([1200, 300, 11]), summary(1611)], ctx, ['commune_total_mismatch']);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.message).toContain('khác số của đơn vị (1.611');
    expect(flags[0]!.message).toContain('chênh 100');
  });

  it('is quiet when the communes add up', () => {
    expect(runRules([...communes([1200, 300, 11]), totalRow(1511), summary(1511)], ctx, ['commune_total_mismatch'])).toEqual([]);
  });
});

describe('detail_summary_mismatch', () => {
  it('flags commune rows that their total row sums but the summary sheet does not agree with', () => {
    const flags = runRules([...communes([1200, 300, 15]), totalRow(1515), summary(1511)], ctx, ['commune_total_mismatch', 'detail_summary_mismatch']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'commune_total_mismatch', severity: 'error', indicators: ['VK_SUNG'] });
    expect(flags[0]!.message).toContain('(1.515) khác số của đơn vị (1.511');
  });

  it('flags a total row that disagrees with the summary sheet where the detail sheet has no commune rows', () => {
    const flags = runRules([totalRow(1515), summary(1511)], ctx, ['detail_summary_mismatch']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'detail_summary_mismatch', severity: 'error', indicators: ['VK_SUNG'] });
    expect(flags[0]!.message).toContain('(1.515, ô K23) khác trang Tổng hợp (1.511, ô D35), chênh 4');
  });

  it('leaves a total row that alone disagrees with communes and summary to commune_total_mismatch', () => {
    expect(runRules([...communes([1200, 300, 11]), totalRow(1515), summary(1511)], ctx, ['detail_summary_mismatch'])).toEqual([]);
    expect(runRules([...communes([1200, 300, 11]), totalRow(1511), summary(1511)], ctx, ['detail_summary_mismatch'])).toEqual([]);
  });

  it('flags a wide sheet\'s total column that is not the sum of its months', () => {
    const wide = [1, 2, 3].map((m) => fig({ indicator: 'TT_LUOT', period: `2023-0${m}`, value: 1000 * m, sheet: '6 tháng', cell: `${'DEF'[m - 1]}21` }));
    const flags = runRules([...wide, fig({ indicator: 'TT_LUOT', period: '2023-Q1', role: 'total', value: 6100, sheet: '6 tháng', cell: 'G21' })], ctx, ['detail_summary_mismatch']);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.period).toBe('2023-Q1');
    expect(flags[0]!.message).toContain('(6.100, ô G21) khác tổng 3 tháng (6.000), chênh 100 — Huyện Anh Sơn, quý I/2023');
  });
});
