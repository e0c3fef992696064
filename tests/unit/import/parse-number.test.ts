import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../../main/core/recognise/parse-number';

describe('numbers as typed', () => {
  it.each([
    ['1.800', 1800], ['1.387', 1387], ['1.234.567', 1234567], ['23,7', 23.7], ['0,5', 0.5], ['1.234,5', 1234.5],
    ['1,234.5', 1234.5], ['1,234,567', 1234567], ['42', 42], [' 42 ', 42], ['\u00a0 3.970', 3970], ['1 800', 1800],
    ['-', 0], ['–', 0], ['—', 0], ['-5', -5], ['12.5', 12.5], ['0', 0],
  ])('%j is %d', (text, value) => {
    expect(parseNumberText(text)).toMatchObject({ kind: 'number', value });
  });

  it('keeps a dash as zero and says it was a dash', () => {
    expect(parseNumberText('-')).toEqual({ kind: 'number', value: 0, dash: true });
  });

  it('carries the unit typed after the number', () => {
    expect(parseNumberText('25 khẩu')).toEqual({ kind: 'number', value: 25, unit: 'khẩu' });
    expect(parseNumberText('1.200 lượt người')).toMatchObject({ value: 1200, unit: 'lượt người' });
  });

  it('scales "triệu", "nghìn", "tỷ"', () => {
    expect(parseNumberText('1,5 triệu')).toMatchObject({ kind: 'number', value: 1_500_000 });
    expect(parseNumberText('2 nghìn')).toMatchObject({ value: 2000 });
    expect(parseNumberText('3 tỷ đồng')).toMatchObject({ value: 3e9, unit: 'đồng' });
  });

  it('marks approximate figures and percentages', () => {
    expect(parseNumberText('gần 50%')).toEqual({ kind: 'number', value: 50, approx: true, percent: true });
    expect(parseNumberText('khoảng 1.000')).toMatchObject({ value: 1000, approx: true });
  });

  it('does not turn two figures into one', () => {
    expect(parseNumberText('3.970/4.363')).toEqual({ kind: 'pair', values: [3970, 4363] });
  });

  it('says when a cell is blank or not a number', () => {
    expect(parseNumberText('')).toEqual({ kind: 'blank' });
    expect(parseNumberText('   ')).toEqual({ kind: 'blank' });
    expect(parseNumberText('chưa báo cáo').kind).toBe('text');
    expect(parseNumberText('12 (tháng trước 10)').kind).toBe('text');
    expect(parseNumberText('1..2').kind).toBe('text');
  });
});
