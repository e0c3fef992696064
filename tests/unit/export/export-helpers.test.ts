/** Periods in words, the date line, unit names, rounding and settings of the consolidated workbook. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { percentOf, round1, sumOrNull } from '../../../main/core/export/numbers';
import { parsePeriod, periodWords, previousYear, PeriodError } from '../../../main/core/export/period-spec';
import { loadExportSettings, SettingsError } from '../../../main/core/export/settings';
import { shortUnitName } from '../../../main/core/export/unit-columns';
import { dateLine } from '../../../main/core/export/write-header-block';

describe('periods', () => {
  it.each([
    ['2023-06', 'tháng 6 năm 2023', ['2023-06']],
    ['2023-Q2', 'quý II năm 2023', ['2023-04', '2023-05', '2023-06']],
    ['2023-H1', '6 tháng đầu năm 2023', ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']],
    ['2023-9M', '9 tháng năm 2023', Array.from({ length: 9 }, (_, k) => `2023-0${k + 1}`)],
    ['2023', 'năm 2023', Array.from({ length: 12 }, (_, k) => `2023-${String(k + 1).padStart(2, '0')}`)],
  ])('%s is %s', (key, words, months) => {
    const spec = parsePeriod(key);
    expect(periodWords(spec)).toBe(words);
    expect(spec.months).toEqual(months);
  });

  it('knows its bounds and the same period last year', () => {
    expect(parsePeriod('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(previousYear(parsePeriod('2023-Q2')).key).toBe('2022-Q2');
    expect(() => parsePeriod('2023-13')).toThrow(PeriodError);
  });
});

describe('the place and date line (Decree 30)', () => {
  it('zero-pads days below 10 and months 1 and 2 only', () => {
    expect(dateLine('Nghệ An', new Date(2024, 1, 5))).toBe('Nghệ An, ngày 05 tháng 02 năm 2024');
    expect(dateLine('Nghệ An', new Date(2023, 4, 23))).toBe('Nghệ An, ngày 23 tháng 5 năm 2023');
    expect(dateLine('Nghệ An', new Date(2023, 11, 1))).toBe('Nghệ An, ngày 01 tháng 12 năm 2023');
  });
});

describe('unit names in column headings', () => {
  it('shortens the type word and writes tone marks the modern way', () => {
    expect(shortUnitName('Thành phố Vinh')).toBe('TP Vinh');
    expect(shortUnitName('Thị xã Thái Hoà')).toBe('TX Thái Hòa');
    expect(shortUnitName('Huyện Quế Phong')).toBe('Quế Phong');
    expect(shortUnitName('Huyện Quỳ Hợp')).toBe('Quỳ Hợp');
  });
});

describe('arithmetic as the spreadsheet does it', () => {
  it('rounds half away from zero like ROUND', () => {
    expect(round1(0.15 * 100)).toBe(15);
    expect(round1(33.35)).toBe(33.4);
    expect(round1(-2.25)).toBe(-2.3);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(null, 3)).toBeNull();
  });

  it('keeps a sum of nothing empty', () => {
    expect(sumOrNull([null, null])).toBeNull();
    expect(sumOrNull([null, 0])).toBe(0);
  });
});

describe('settings', () => {
  it('has the defaults of resources/settings/export.json', () => {
    const s = loadExportSettings();
    expect(s.agency).toEqual({ parent: 'CÔNG AN TỈNH NGHỆ AN', issuer: 'PHÒNG THAM MƯU' });
    expect(s.signers.head).toMatchObject({ authority: 'TL. GIÁM ĐỐC', title: 'TRƯỞNG PHÒNG', name: '' });
    expect(s.recipients).toContain('- Lưu: VT, PV01.');
  });

  it('merges a user file and values over the defaults, and refuses a wrong type with its path', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'settings-')), 'export.json');
    fs.writeFileSync(file, JSON.stringify({ agency: { issuer: 'PHÒNG PV01' }, signers: { head: { name: 'Nguyễn Văn A' } } }));
    const s = loadExportSettings({ file, overrides: { place: 'Vinh' } });
    expect(s.agency).toEqual({ parent: 'CÔNG AN TỈNH NGHỆ AN', issuer: 'PHÒNG PV01' });
    expect(s.signers.head).toMatchObject({ authority: 'TL. GIÁM ĐỐC', name: 'Nguyễn Văn A' });
    expect(s.place).toBe('Vinh');
    fs.writeFileSync(file, JSON.stringify({ recipients: 'Bộ Công an' }));
    expect(() => loadExportSettings({ file })).toThrow(SettingsError);
    expect(() => loadExportSettings({ file })).toThrow(/recipients/);
  });
});
