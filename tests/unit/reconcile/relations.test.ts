/** Rules over catalog relations: child ≤ parent, plan, sessions, parts, sums, rates. */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../../main/core/reconcile/run-rules';
import type { RuleFigure } from '../../../main/core/reconcile/types';
import { fig, makeContext } from './fixtures';

const ctx = makeContext();
const run = (rule: string, figures: RuleFigure[]) => runRules(figures, ctx, [rule]);

describe('child_exceeds_parent', () => {
  it('flags an activated count above the applications received, with the gap and the cell', () => {
    const flags = run('child_exceeds_parent', [fig({ indicator: 'DD_THUNHAN', value: 3870, cell: 'D14' }), fig({ indicator: 'DD_KICHHOAT', value: 3912, cell: 'D15' })]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'child_exceeds_parent', severity: 'error', unit: '424', period: '2023-02' });
    expect([...flags[0]!.indicators].sort()).toEqual(['DD_KICHHOAT', 'DD_THUNHAN']);
    expect(flags[0]!.message).toBe('Số tài khoản định danh điện tử đã kích hoạt (3.912) lớn hơn Số hồ sơ định danh điện tử đã thu nhận (3.870), chênh 42 — Huyện Anh Sơn, tháng 2/2023, tệp BC_T02.xlsx, trang T2, ô D15');
  });

  it('is quiet when the child is within its parent, and ignores superseded files', () => {
    expect(run('child_exceeds_parent', [fig({ indicator: 'DD_THUNHAN', value: 3870 }), fig({ indicator: 'DD_KICHHOAT', value: 3870 })])).toEqual([]);
    expect(run('child_exceeds_parent', [fig({ indicator: 'DD_THUNHAN', value: 1, superseded: true }), fig({ indicator: 'DD_KICHHOAT', value: 9, superseded: true })])).toEqual([]);
  });
});

describe('plan_exceeded', () => {
  it('flags a year-to-date above the yearly plan, also when the plan was typed in an earlier month', () => {
    const plan = fig({ indicator: 'NHA_KH', value: 2820, period: '2023-01', file: 'BC_T01.xlsx' });
    const built = fig({ indicator: 'NHA_XD', measure: 'ytd', value: 3000, period: '2023-03', cell: 'E12' });
    const flags = run('plan_exceeded', [plan, built]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'plan_exceeded', severity: 'warning', period: '2023-03', periods: ['2023-01', '2023-03'] });
    expect(flags[0]!.message).toContain('(3.000) vượt Số nhà ở hỗ trợ hộ nghèo theo kế hoạch năm (2.820), vượt 180');
    expect(flags[0]!.message).toContain('tháng 3/2023');
  });

  it('compares the year-to-date, not the month', () => {
    expect(run('plan_exceeded', [fig({ indicator: 'NHA_KH', value: 100 }), fig({ indicator: 'NHA_XD', value: 150 }), fig({ indicator: 'NHA_XD', measure: 'ytd', value: 100 })])).toEqual([]);
  });
});

describe('participants_lt_sessions', () => {
  it('flags fewer participants than sessions', () => {
    const flags = run('participants_lt_sessions', [fig({ indicator: 'TT_DOT', value: 1200 }), fig({ indicator: 'TT_LUOT', value: 1150, cell: 'D21' })]);
    expect(flags).toHaveLength(1);
    expect([...flags[0]!.indicators].sort()).toEqual(['TT_DOT', 'TT_LUOT']);
    expect(flags[0]!.message).toContain('Số lượt người tham dự tuyên truyền (1.150) ít hơn Số đợt tuyên truyền (1.200), thiếu 50');
    expect(flags[0]!.message).toContain('ô D21');
  });

  it('is quiet with at least one participant per session', () => {
    expect(run('participants_lt_sessions', [fig({ indicator: 'TT_DOT', value: 25 }), fig({ indicator: 'TT_LUOT', value: 2486 })])).toEqual([]);
  });
});

describe('parts_exceed_total', () => {
  const parts = (pccc: number) => [
    fig({ indicator: 'MH_TONG', value: 28229 }), fig({ indicator: 'MH_LIENGIA', value: 17429 }), fig({ indicator: 'MH_ANND', value: 2530 }),
    fig({ indicator: 'MH_HOAGIAI', value: 2537 }), fig({ indicator: 'MH_PCCC', value: pccc }),
  ];

  it('flags a "such as" list adding up above its total', () => {
    const flags = run('parts_exceed_total', parts(6000));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.indicators).toEqual(['MH_TONG', 'MH_LIENGIA', 'MH_ANND', 'MH_HOAGIAI', 'MH_PCCC']);
    expect(flags[0]!.message).toContain('= 28.496) lớn hơn Tổng số tổ chức, mô hình tự quản về an ninh, trật tự (28.229), vượt 267');
  });

  it('is quiet when the parts stay within the total (they need not reach it)', () => {
    expect(run('parts_exceed_total', parts(2182))).toEqual([]);
  });
});

describe('sum_mismatch', () => {
  const weapons = (total: number) => [
    fig({ indicator: 'VK_TONG', value: total }), fig({ indicator: 'VK_SUNG', value: 1200 }), fig({ indicator: 'VK_LUUDAN', value: 3 }),
    fig({ indicator: 'VK_KIP', value: 24000 }), fig({ indicator: 'VK_CCHT', value: 440 }),
  ];

  it('flags a total that is not the sum of its parts', () => {
    const flags = run('sum_mismatch', weapons(25700));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.indicators).toEqual(['VK_TONG', 'VK_SUNG', 'VK_LUUDAN', 'VK_KIP', 'VK_CCHT']);
    expect(flags[0]!.message).toContain('Tổng số vũ khí, vật liệu nổ, công cụ hỗ trợ thu hồi (25.700) khác tổng các thành phần');
    expect(flags[0]!.message).toContain('Kíp nổ 24.000 + Công cụ hỗ trợ 440 = 25.643), chênh 57');
  });

  it('is quiet on an exact sum, and when a part is missing (it may be unreported)', () => {
    expect(run('sum_mismatch', weapons(25643))).toEqual([]);
    expect(run('sum_mismatch', weapons(25700).filter((f) => f.indicator !== 'VK_CCHT'))).toEqual([]);
  });
});

describe('rate_out_of_range', () => {
  it('flags a rate above 100 and shows the rate its flows give', () => {
    const flags = run('rate_out_of_range', [fig({ indicator: 'DVC_TYLE', value: 592, cell: 'D18' }), fig({ indicator: 'DVC_TRUCTUYEN', value: 61 }), fig({ indicator: 'DVC_TONG', value: 103 })]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ rule: 'rate_out_of_range', indicators: ['DVC_TYLE'], severity: 'error' });
    expect(flags[0]!.message).toContain('Tỷ lệ hồ sơ tiếp nhận trực tuyến (592%) nằm ngoài khoảng 0–100%, vượt 100 là 492 điểm phần trăm (tính từ 61 / 103 là 59,22%)');
  });

  it('is quiet on 0 and 100', () => {
    expect(run('rate_out_of_range', [fig({ indicator: 'DVC_TYLE', value: 0 }), fig({ indicator: 'DVC_TYLE', value: 100, unit: '425' })])).toEqual([]);
  });
});

describe('rate_mismatch', () => {
  const rate = (stated: number, online = 1387, total = 4363) => [fig({ indicator: 'DVC_TYLE', value: stated, cell: 'D18' }), fig({ indicator: 'DVC_TRUCTUYEN', value: online }), fig({ indicator: 'DVC_TONG', value: total })];

  it('flags a stated rate off the computed one', () => {
    const flags = run('rate_mismatch', rate(23.7));
    expect(flags).toHaveLength(1);
    expect([...flags[0]!.indicators].sort()).toEqual(['DVC_TONG', 'DVC_TRUCTUYEN', 'DVC_TYLE']);
    expect(flags[0]!.message).toContain('Tỷ lệ hồ sơ tiếp nhận trực tuyến (23,7%) khác tỷ lệ tính được Số hồ sơ tiếp nhận trực tuyến (1.387) / Tổng số hồ sơ thủ tục hành chính tiếp nhận (4.363) × 100 = 31,79%, chênh 8,09 điểm phần trăm');
  });

  it('allows rounding to the stated decimals plus 0.1 point, and skips a zero denominator', () => {
    expect(run('rate_mismatch', rate(31.8))).toEqual([]); // 31.79 stated with one decimal
    expect(run('rate_mismatch', rate(32))).toEqual([]); // integer: ±0.5 + 0.1
    expect(run('rate_mismatch', rate(31.65))).toHaveLength(1); // two decimals: ±0.005 + 0.1 is not enough
    expect(run('rate_mismatch', rate(50, 0, 0))).toEqual([]);
  });
});
