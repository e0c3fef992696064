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
