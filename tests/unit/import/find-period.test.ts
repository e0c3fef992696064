import { describe, expect, it } from 'vitest';
import { findPeriod, periodKey } from '../../../main/core/recognise/find-period';

const key = (t: string) => { const p = findPeriod(t); return p && p.year ? periodKey(p.year, p.span, p.month) : p; };

describe('periods named in titles, file names and sheet names', () => {
  it.each([
    ['Kết quả thực hiện các chương trình phối hợp tháng 5 năm 2023', '2023-05'],
    ['Tổng hợp số liệu phong trào - Tháng 02/2023', '2023-02'],
    ['H. Anh Sơn T05.2023', '2023-05'],
    ['BC_T01_2023_412', '2023-01'],
    ['H. Nam Đàn - BC thang 4-2023', '2023-04'],
    ['CHI TIẾT KẾT QUẢ THEO ĐƠN VỊ CẤP XÃ - THÁNG 1/2023', '2023-01'],
    ['Kết quả thực hiện 6 tháng đầu năm 2023', '2023-H1'],
    ['H. Kỳ Sơn - Bao cao 6 thang 2023', '2023-H1'],
    ['Báo cáo quý II năm 2024', '2024-Q2'],
    ['Báo cáo quý 3/2022', '2022-Q3'],
    ['Kết quả 9 tháng năm 2023', '2023-9M'],
    ['Báo cáo tổng kết năm 2022', '2022'],
    ['6 tháng cuối năm 2023', '2023-H2'],
  ])('%s → %s', (text, expected) => {
    expect(key(text)).toBe(expected);
  });

  it('reads a month without a year from a sheet name', () => {
    expect(findPeriod('T3')).toEqual({ year: null, month: 3, span: 'month' });
    expect(findPeriod('BC T12')).toEqual({ year: null, month: 12, span: 'month' });
  });

  it('does not take the signing date for the period', () => {
    expect(findPeriod('Vinh, ngày 28 tháng 1 năm 2023')).toBeNull();
    expect(key('Diễn Châu, ngày 03 tháng 02 năm 2023 — báo cáo tháng 1 năm 2023')).toBe('2023-01');
  });

  it('finds nothing where nothing is said', () => {
    expect(findPeriod('Tổng hợp')).toBeNull();
    expect(findPeriod('Chi tiết theo xã')).toBeNull();
  });
});

describe('a period given as a range of days (issue 14)', () => {
  it.each([
    ['Từ ngày 15/02/2024 đến ngày 14/03/2024', { year: 2024, month: 3, span: 'month' }],
    ['(Từ ngày 01/3/2024 đến hết ngày 31/3/2024)', { year: 2024, month: 3, span: 'month' }],
    ['Số liệu từ ngày 15/12/2023 đến ngày 14/03/2024', { year: 2024, month: null, span: 'Q1' }],
    ['từ ngày 01/01/2024 đến ngày 30/06/2024', { year: 2024, month: null, span: 'H1' }],
    ['Từ ngày 01/01/2023 đến ngày 31/12/2023', { year: 2023, month: null, span: 'Y' }],
  ])('%s', (text, expected) => {
    expect(findPeriod(text)).toEqual(expected);
  });

  it('is no period when the range is none of month, quarter, half, nine months or year', () => {
    expect(findPeriod('Từ ngày 01/03/2024 đến ngày 10/03/2024')).toBeNull();
    expect(findPeriod('Từ ngày 01/01/2024 đến ngày 30/04/2024')).toBeNull();
  });
});
