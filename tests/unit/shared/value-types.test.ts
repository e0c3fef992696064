/** The shared value types: period keys, cell addresses and unit codes, parsed and written back. */
import { describe, expect, it } from 'vitest';
import { endDay, formatPeriod, monthOfKey, monthsOf, parsePeriod, startDay } from '../../../shared/period';
import { columnIndex, columnLetters, formatAddress, parseA1, toA1 } from '../../../shared/cell-address';
import { parseUnitCode, unitCodesIn, unitLevel } from '../../../shared/unit-code';

describe('Period', () => {
  it('parses every kind of key, with its months and first and last day', () => {
    const rows = ['2023-03', '2023-Q2', '2023-H1', '2023-H2', '2023-9M', '2023', '2024-02'].map((k) => {
      const p = parsePeriod(k)!;
      return [p.kind, formatPeriod(p), monthsOf(p).length, startDay(p), endDay(p)];
    });
    expect(rows).toEqual([
      ['month', '2023-03', 1, '2023-03-01', '2023-03-31'],
      ['quarter', '2023-Q2', 3, '2023-04-01', '2023-06-30'],
      ['half', '2023-H1', 6, '2023-01-01', '2023-06-30'],
      ['half', '2023-H2', 6, '2023-07-01', '2023-12-31'],
      ['nine-months', '2023-9M', 9, '2023-01-01', '2023-09-30'],
      ['year', '2023', 12, '2023-01-01', '2023-12-31'],
      ['month', '2024-02', 1, '2024-02-01', '2024-02-29'],
    ]);
    expect(monthsOf(parsePeriod('2023-Q2')!)).toEqual(['2023-04', '2023-05', '2023-06']);
  });

  it('refuses what is not a key', () => {
    for (const bad of ['2023-13', '2023-00', '2023-Q5', '2023-H3', '2023-6M', '23-03', '2023-3', '']) expect(parsePeriod(bad), bad).toBeNull();
    expect(monthOfKey('2023-Q2')).toBeNull();
    expect(monthOfKey('2023-07')).toEqual({ year: 2023, month: 7 });
  });
});

describe('CellAddress', () => {
  it('converts A1 to zero-based row and column and back, past Z and AZ', () => {
    for (const [a1, row, col] of [['A1', 0, 0], ['D15', 14, 3], ['Z9', 8, 25], ['AA10', 9, 26], ['AZ2', 1, 51], ['BA3', 2, 52], ['XFD1048576', 1048575, 16383]] as const) {
      expect(parseA1(a1)).toEqual({ row, col });
      expect(toA1(row, col)).toBe(a1);
    }
    expect(columnIndex('aa')).toBe(26);
    expect(columnLetters(701)).toBe('ZZ');
  });

  it('reads a sheet before "!", quoted where it has spaces, and "$" anchors', () => {
    expect(parseA1('T2!D15')).toEqual({ sheet: 'T2', row: 14, col: 3 });
    expect(parseA1("'Báo cáo T2'!$D$15")).toEqual({ sheet: 'Báo cáo T2', row: 14, col: 3 });
    expect(formatAddress({ sheet: 'Báo cáo T2', row: 14, col: 3 })).toBe("'Báo cáo T2'!D15");
    expect(formatAddress({ sheet: 'T2', row: 14, col: 3 })).toBe('T2!D15');
    for (const bad of ['D0', '15D', 'D', 'XFE1', '!D15', 'D15:E16']) expect(parseA1(bad), bad).toBeNull();
  });
});

describe('UnitCode', () => {
  it('knows the shape of province, district and commune codes', () => {
    expect(['40', '412', '16729', ' 413 ', '4121', 'ab'].map(parseUnitCode)).toEqual(['40', '412', '16729', '413', null, null]);
    expect(['40', '412', '16729'].map(unitLevel)).toEqual(['province', 'district', 'commune']);
    expect(unitCodesIn('BC_T05_2023_415 (16729).xlsx')).toEqual(['415', '16729']);
  });
});
