/** The figures grid's own logic: the province row of a rate, the search, a selection as Excel pastes it. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogFile } from '../../../shared/catalog';
import type { Indicator } from '../../../shared/types';
import { percentOf } from '../../../shared/figure-math';
import { searchGrid, toTsv } from '../../../renderer/features/figures/grid-view';
import type { PivotRow } from '../../../renderer/features/figures/pivot';
import { totalRow } from '../../../renderer/features/figures/pivot';

const catalog = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../resources/catalog/indicators.json'), 'utf8')) as CatalogFile;
const indicators: Indicator[] = catalog.indicators.map((i, n) => ({
  code: i.code, name: i.name, unit: i.unit, kind: i.kind, group: i.group, groupName: '', parent: i.parent ?? null, decimals: Boolean(i.decimals), rate: i.rate ?? null, sort: n,
}));
const rate = indicators.find((i) => i.kind === 'rate' && i.rate)!;
const row = (unit: string, label: string, values: Record<string, number>, files: string[] = []): PivotRow => ({ key: unit, unit, subunit: null, label, values, files });

describe('the figures grid', () => {
  it('totals a rate as its numerator over its denominator, not as the sum of the units\' rates', () => {
    const { numerator, denominator } = rate.rate!;
    const rows = [
      row('412', '412 · Thành phố Vinh', { [numerator]: 94, [denominator]: 155, [rate.code]: 60.6 }),
      row('413', '413 · Thị xã Cửa Lò', { [numerator]: 19, [denominator]: 53, [rate.code]: 35.8 }),
    ];
    // Only the rate's column shown: its two figures are added up all the same.
    const total = totalRow(rows, [rate], 'Toàn tỉnh', indicators);
    expect(total.values[rate.code]).toBe(percentOf(113, 208));
    expect(total.values[rate.code]).toBe(54.3);
    expect(total.values[numerator]).toBeUndefined();
  });

  it('finds units without tone marks, indicators by name and units by file', () => {
    const rows = [row('419', '419 · Huyện Nghĩa Đàn', {}, ['BC_T06_2023_419.xlsx']), row('429', '429 · Huyện Nghi Lộc', {}, ['H. Nghi Lộc T06.2023.xlsx']), row('412', '412 · Thành phố Vinh', {}, ['BC_T06_2023_412.xlsx'])];
    expect(searchGrid(rows, indicators, 'nghi').rows.map((r) => r.unit)).toEqual(['419', '429']);
    expect(searchGrid(rows, indicators, 'BC_T06_2023_412').rows.map((r) => r.unit)).toEqual(['412']);
    const byIndicator = searchGrid(rows, indicators, rate.name.slice(0, 12));
    expect(byIndicator.rows).toHaveLength(3);
    expect(byIndicator.indicators.map((i) => i.code)).toContain(rate.code);
    expect(byIndicator.indicators.length).toBeLessThan(indicators.length);
    expect(searchGrid(rows, indicators, 'không có gì như thế này').rows).toEqual([]);
  });

  it('copies rows tab-separated with Vietnamese numbers, a tab or line break in a text made a space', () => {
    expect(toTsv(['Đơn vị', 'A', 'B'], [['412 · Vinh', 1234.5, 2704], ['x\ty', null, 0]])).toBe('Đơn vị\tA\tB\r\n412 · Vinh\t1.234,5\t2.704\r\nx y\t\t0');
  });
});
