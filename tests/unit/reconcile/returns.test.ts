/** Whole returns: one sent twice with other figures, one that never came. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../main/core/reconcile/run-rules';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { fig, makeContext } from './fixtures';

const units = [
  { code: '413', name: 'Thị xã Cửa Lò', validFrom: '2008-08-15', validTo: '2024-11-30' },
  { code: '414', name: 'Thị xã Thái Hòa', validFrom: '2008-08-15', validTo: null },
];

describe('conflicting_resubmission', () => {
  const first = { fileId: 1, file: 'BC_T03_422.xlsx', fileImportedAt: '2023-04-05T08:00:00Z', superseded: true, unit: '422', unitName: 'Huyện Con Cuông', period: '2023-03' };
  const again = { ...first, fileId: 2, file: 'BC_T03_422 (sua lai).xlsx', fileImportedAt: '2023-04-07T08:00:00Z', superseded: false };
  const pair = (before: Partial<RuleFigure>, after: Partial<RuleFigure>, indicator: string, a: number, b: number, cell = 'D20') =>
    [fig({ ...before, indicator, value: a, cell }), fig({ ...after, indicator, value: b, cell })];

  it('lists every difference in one flag, the later file being the candidate', () => {
    const figures = [...pair(first, again, 'TT_DOT', 6, 8), ...pair(first, again, 'TT_LUOT', 1754, 1904, 'D21'), ...pair(first, again, 'LL_GIUPDO', 5, 5, 'D27')];
    const flags = runRules(figures, makeContext(), ['conflicting_resubmission']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'conflicting_resubmission', severity: 'warning', unit: '422', period: '2023-03', indicators: ['TT_DOT', 'TT_LUOT'] });
    expect(flags[0]!.figures.map((f) => f.value)).toEqual([8, 6, 1904, 1754]);
    expect(flags[0]!.message).toContain('Số đợt tuyên truyền: 6 → 8 (chênh 2, ô D20)');
    expect(flags[0]!.message).toContain('Số lượt người tham dự tuyên truyền: 1.754 → 1.904 (chênh 150, ô D21)');
    expect(flags[0]!.message).toContain('tệp BC_T03_422 (sua lai).xlsx');
  });

  it('tells two submissions of the same name apart by when each was imported, and names a chosen earlier file as the one in use', () => {
    // Demo returns beside real ones: the same file name, other figures.
    const twin = { ...again, file: first.file };
    const msg = runRules(pair(first, twin, 'TT_DOT', 6, 8), makeContext(), ['conflicting_resubmission'])[0]!.message;
    expect(msg).toContain('tệp BC_T03_422.xlsx (nhập 2023-04-07 08:00, bản số 2)');
    expect(msg).toContain('so với tệp BC_T03_422.xlsx (nhập 2023-04-05 08:00, bản số 1)');
    // A reviewer chose the earlier file: it is the one in use, and the message says so.
    const chosen = runRules(pair({ ...first, superseded: false }, { ...again, superseded: true }, 'TT_DOT', 6, 8), makeContext(), ['conflicting_resubmission'])[0]!.message;
    expect(chosen).toContain('Số liệu đang dùng là của tệp BC_T03_422.xlsx (đã được chọn)');
    expect(msg).toContain('Số liệu đang dùng là của tệp gửi sau');
  });

  it('is quiet when the resubmission repeats the same figures, or nothing was superseded', () => {
    expect(runRules(pair(first, again, 'TT_DOT', 6, 6), makeContext(), ['conflicting_resubmission'])).toEqual([]);
    expect(runRules(pair({ ...first, superseded: false }, again, 'TT_DOT', 6, 8), makeContext(), ['conflicting_resubmission'])).toEqual([]);
  });
});

describe('missing_return', () => {
  const ctx = makeContext(units, ['2024-11', '2024-12']);
  const sent = (unit: string, period: string) => fig({ unit, period, indicator: 'TT_DOT', value: 3 });

  it('flags a unit valid in a month with no figure for it, and not a unit merged away before', () => {
    const flags = runRules([sent('413', '2024-11'), sent('414', '2024-11')], ctx, ['missing_return']);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'missing_return', severity: 'info', unit: '414', period: '2024-12', indicators: [], figures: [] });
    expect(flags[0]!.message).toContain('tháng 12/2024 của Thị xã Thái Hòa');
  });

  it('counts a wide sheet\'s month columns and superseded files as returns', () => {
    const figures = [sent('413', '2024-11'), fig({ ...sent('414', '2024-11'), superseded: true }), fig({ unit: '414', period: '2024-12', indicator: 'TT_DOT', value: 1, sheet: '6 tháng' })];
    expect(runRules(figures, ctx, ['missing_return'])).toEqual([]);
  });
});
