/** The trend's lines: a unit's own figures, flagged months, and the province's rate from its two figures. */
import { describe, expect, it } from 'vitest';
import type { FigureRow, Flag } from '../../../shared/types';
import { trendIndicators, trendLines } from '../../../renderer/features/trend/series';

const fig = (unit: string, period: string, indicator: string, value: number): FigureRow =>
  ({ unit, period, indicator, value, measure: 'period', subunit: null } as unknown as FigureRow);
const RATE = { code: 'TYLE', rate: { numerator: 'TU', denominator: 'MAU' } };

describe('the trend lines', () => {
  const figures = [
    fig('412', '2023-05', 'TU', 94), fig('412', '2023-05', 'MAU', 155), fig('412', '2023-05', 'TYLE', 60.6),
    fig('413', '2023-05', 'TU', 19), fig('413', '2023-05', 'MAU', 53), fig('413', '2023-05', 'TYLE', 35.8),
    fig('412', '2023-06', 'TU', 10), fig('412', '2023-06', 'MAU', 20), fig('412', '2023-06', 'TYLE', 50),
  ];
  const flags = [{ unit: '413', message: 'Tỷ lệ bất thường', figures: [{ period: '2023-05', indicator: 'TYLE', measure: 'period', subunit: null }] }] as unknown as Flag[];

  it('draws the province\'s rate as numerator over denominator, flagged where a unit\'s figure is', () => {
    const p = trendLines(figures, flags, RATE, 'period', []);
    expect(p.months).toEqual(['2023-05', '2023-06']);
    expect(p.lines[0]!.values).toEqual([54.3, 50]);
    expect(p.lines[0]!.flags).toEqual(['Tỷ lệ bất thường', null]);
  });

  it('draws each unit its own line on the months any of them has', () => {
    const u = trendLines(figures, flags, RATE, 'period', ['412', '413']);
    expect(u.lines.map((l) => l.key)).toEqual(['412', '413']);
    expect(u.lines[0]!.values).toEqual([60.6, 50]);
    expect(u.lines[1]!.values).toEqual([35.8, null]);
    expect(u.lines[0]!.flags).toEqual([null, null]);
    expect(u.lines[1]!.flags).toEqual(['Tỷ lệ bất thường', null]);
  });

  it('reads the indicator\'s figures, and a rate\'s numerator and denominator with them', () => {
    expect(trendIndicators(RATE)).toEqual(['TYLE', 'TU', 'MAU']);
    expect(trendIndicators({ code: 'TU', rate: null })).toEqual(['TU']);
    // Drawn from those alone, the province's rate is the same.
    const needed = figures.filter((f) => trendIndicators(RATE).includes(f.indicator));
    expect(trendLines(needed, flags, RATE, 'period', [])).toEqual(trendLines([...figures, fig('412', '2023-05', 'KHAC', 1)], flags, RATE, 'period', []));
  });
});
